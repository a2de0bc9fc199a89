import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { writeDespoolerRecord } from "@/lib/job-status/despooler-record";
import { readJobStatusMif } from "@/lib/status-mif/job-status-mif";
import { readStatusMifFixture } from "@/lib/status-mif/fixtures/status-mif-fixtures";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const workDirectory = mkdtempSync(path.join(os.tmpdir(), "sms-status-"));
const box = path.join(workDirectory, "DESPOOLR.BOX");
let jobId = "";
let requestId = "";
let clients: string[] = [];

function sms(...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env }, cwd: workDirectory, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeReport(name: string, smsId: string, mif: string | null, record = writeDespoolerRecord({ siteCode: "BPC", jobReference: requestId, smsId })) {
  writeFileSync(path.join(box, `${name}.sni`), record, "latin1");
  if (mif !== null) writeFileSync(path.join(box, `${name}.pck`), mif, "latin1");
}

afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  clients = (await db.computer.findMany({ where: { siteCode: "BPC", platform: "WIN32_X86" }, orderBy: { smsId: "asc" }, take: 3, select: { smsId: true } })).map((row) => row.smsId);
  const input = await demoJobInput({ target: { kind: "COMPUTERS", smsIds: clients }, runPhase: { offerAfter: "2020-01-01T08:00:00", isExpiring: false, expireAfter: undefined } });
  jobId = await createJob({ input });
  requestId = (await activateJob({ jobId })).requestId;
  mkdirSync(box);
});

describe("sms status", () => {
  it("imports a copy of DESPOOLR.BOX, once, and shows the job's status", () => {
    writeReport("sni00000", clients[0]!, readStatusMifFixture("q166833-success.mif"));
    writeReport("sni00001", clients[1]!, readStatusMifFixture("q186415-ismif32-failed.mif"));
    writeReport("sni00002", clients[2]!, null);
    writeReport("sni00003", clients[2]!, readStatusMifFixture("q166833-success.mif"), "not a record");
    // A client whose clock is a day ahead: held (Q172899).
    writeReport("sni00004", clients[2]!, readStatusMifFixture("q186415-ismif32-failed.mif"));
    const tomorrow = new Date(Date.now() + 86_400_000);
    utimesSync(path.join(box, "sni00004.sni"), tomorrow, tomorrow);

    const first = sms("status", "import", "DESPOOLR.BOX");
    expect(first.stdout).toBe("Imported 5 records from DESPOOLR.BOX: applied 2, held 1; 2 skipped.\n");
    expect(first.stderr).toBe("sni00002.sni: no sni00002.pck status MIF beside it; skipped\nsni00003.sni: .sni record: the first field must be MICROSOFT|SMS|DOMAIN_COMMISSAR_WIREMOVE; skipped\n");
    expect(first.code).toBe(1);
    const again = sms("status", "import", "DESPOOLR.BOX");
    expect(again.stdout).toBe("Imported 5 records from DESPOOLR.BOX: unchanged (already received) 3; 2 skipped.\n");

    const shown = sms("status", "--job", jobId);
    expect(shown.code).toBe(0);
    const lines = shown.stdout.split("\n");
    expect(lines[0]).toBe(`Job ${jobId}: Retrying (Sending Complete, Working Retrying, Cancel None)`);
    expect(lines[1]).toBe("Targets: 3  None 1  Complete 1  Retrying 1");
    expect(lines.find((line) => line.startsWith(clients[1]!))).toMatch(/Retrying .*The most effective multi-site management system that provides/);

    const json = JSON.parse(sms("status", "--job", jobId, "--json").stdout);
    expect(json.counts).toEqual({ NONE: 1, COMPLETE: 1, RETRYING: 1 });
    expect(json.targets.map((row: { status: string }) => row.status)).toEqual(["COMPLETE", "RETRYING", "NONE"]);
    expect(json.notApplied[0].reason).toMatch(/^Clock skew: stamped /);
  });

  it("refuses bad arguments with exit code 2", () => {
    expect(sms("status")).toMatchObject({ code: 2, stderr: "sms: status needs --job JOBID or import DIR\n" });
    expect(sms("status", "--job", "x")).toMatchObject({ code: 2, stderr: "sms: --job must be a job ID: 8 characters, A-Z or 0-9\n" });
    expect(sms("status", "--job", "BPCZZZZZ")).toMatchObject({ code: 1, stderr: "sms: job BPCZZZZZ does not exist\n" });
  });
});

describe("sms ismif", () => {
  it("writes the status MIF ISMIF32 would, and refuses a bad -s", () => {
    expect(sms("ismif", "-f", "office.mif", "-c", "Microsoft", "-p", "Office", "-v", "4.3", "-d", "Installed on drive C", "-s", "1")).toEqual({ code: 0, stdout: "Wrote office.mif: Status Success.\n", stderr: "" });
    const mif = readJobStatusMif(readFileSync(path.join(workDirectory, "office.mif"), "latin1"));
    expect([mif.status, mif.description, mif.componentId.manufacturer, mif.componentId.product, mif.componentId.version]).toEqual(["Success", "Installed on drive C", "Microsoft", "Office", "4.3"]);
    expect(sms("ismif", "-s", "2")).toMatchObject({ code: 2, stderr: "sms: -s must be 0 (failed) or 1 (success)\n" });
  });
});

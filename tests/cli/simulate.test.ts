import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

function sms(...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env }, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let jobId: string;

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  jobId = await createJob({ input: await demoJobInput({ runPhase: { isMandatory: true, mandatoryAfter: "1998-11-22T20:00:00" } }) });
  await activateJob({ jobId });
});

describe("sms simulate", () => {
  it("prints the client's PCM log for its instruction file over the window", () => {
    const result = sms("simulate", "--client", "MDM00005", "--from", "1998-11-21T08:00", "--to", "1998-11-23T08:00");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^==> Pcmwin\.log <==$/m);
    expect(result.stdout).toContain("MDM00005.INS");
  });

  it("simulates a client no job offers a package as having no instruction file (Q160855), not an empty one", async () => {
    const other = await db.computer.findFirstOrThrow({ where: { smsId: { not: "MDM00005" } }, select: { smsId: true }, orderBy: { smsId: "asc" } });
    const window = ["--from", "1998-11-21T08:00", "--to", "1998-11-22T08:00"];
    const json = JSON.parse(sms("simulate", "--client", other.smsId, ...window, "--json").stdout);
    expect(json.outcome).toMatchObject({ runs: false, reasons: [{ article: "Q160855" }] });
    expect(json.outcome.reasons.map((reason: { rule?: string }) => reason.rule)).not.toContain("R31");
    const logs = sms("simulate", "--client", other.smsId, ...window);
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain("No instruction file.");
    expect(logs.stdout).not.toContain("Packages after filter");
  });

  it("prints the events and the outcome as JSON for one job", () => {
    const result = sms("simulate", "--client", "MDM00005", "--job", jobId, "--from", "1998-11-21T08:00", "--to", "1998-11-23T08:00", "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ client: "MDM00005", job: jobId, window: { from: "1998-11-21T08:00:00", to: "1998-11-23T08:00:00" } });
    expect(typeof json.outcome.runs).toBe("boolean");
    expect(json.events.length).toBeGreaterThan(0);
    expect(json.events[0]).toHaveProperty("kind");
  });

  it.each<[string[], string]>([
    [["simulate", "--from", "1998-11-21T08:00", "--to", "1998-11-22T08:00"], "sms: simulate needs --client SMSID (8 characters, A-Z or 0-9)\n"],
    [["simulate", "--client", "MDM00005", "--from", "soon", "--to", "1998-11-22T08:00"], 'sms: --from must be a real date and time as YYYY-MM-DDTHH:MM[:SS] (got "soon")\n'],
    [["simulate", "--client", "MDM00005", "--from", "1998-11-22T08:00", "--to", "1998-11-21T08:00"], "sms: --to must be later than --from\n"],
  ])("answers %j with one line", (args, stderr) => {
    const result = sms(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(stderr);
  });

  it("says when the client is unknown", () => {
    const result = sms("simulate", "--client", "ZZZ00001", "--from", "1998-11-21T08:00", "--to", "1998-11-22T08:00");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("sms: Computer ZZZ00001 is not in inventory\n");
  });
});

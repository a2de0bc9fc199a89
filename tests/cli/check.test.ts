import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

function sms(...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env }, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let failingJob: string;
let cleanJob: string;

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  const patch = await db.workstationCommandLine.findFirstOrThrow({ where: { packageId: "BPC00012" } });
  failingJob = await createJob({ input: await demoJobInput({ packageId: "BPC00012", runPhase: { commandLineId: patch.id } }) });
  cleanJob = await createJob({ input: await demoJobInput({ runPhase: { isExpiring: false } }) });
});

describe("sms check and sms rules", () => {
  it("prints the job's findings as JSON with exactly the documented keys, and exits 1 on errors", () => {
    const result = sms("check", "--job", failingJob, "--json");
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["job", "findings"]);
    expect(json.job).toBe(failingJob);
    const r60 = json.findings.find((finding: { rule: string }) => finding.rule === "R60");
    expect(Object.keys(r60)).toEqual(["rule", "severity", "message", "why", "sources", "subjects", "fix"]);
    expect(r60).toMatchObject({ severity: "error", subjects: [{ kind: "computer", id: "MDM00005" }] });
    expect(r60.sources).toContain("Q126644");
    expect(typeof r60.fix).toBe("string");
  });

  it("exits 0 for a job without errors and prints a readable review", () => {
    const result = sms("check", "--job", cleanJob);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Job ${cleanJob}: 1 targets`));
  });

  it("refuses a send the review blocks, with one line", () => {
    const result = sms("job", "send", failingJob);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^sms: Job ${failingJob} cannot be sent: the review finds \\d+ errors? \\(.*R60.*\\)\\n$`));
  });

  it("reviews a package", () => {
    const result = sms("check", "--package", "BPC00010", "--json");
    expect(JSON.parse(result.stdout).package).toBe("BPC00010");
  });

  it("lists all 88 rules with their status", () => {
    const result = sms("rules");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n").filter((line) => /^R\d+ /.test(line));
    expect(lines).toHaveLength(88);
    expect(lines[0]).toMatch(/^R1 +error/);
    expect(result.stdout).toMatch(/\n\d+ of 88 rules implemented\.\n$/);
  });

  it("needs exactly one of --job or --package", () => {
    expect(sms("check").stderr).toBe("sms: check needs exactly one of --job JOBID or --package PACKAGEID\n");
  });
});

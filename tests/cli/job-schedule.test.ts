import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { resetDatabase } from "../support/reset-database";

function sms(...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env }, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const create = ["job", "create", "--package", "BPC0000A", "--command", "Complete", "--computers", "MDM00005", "--offer", "1998-11-20T08:00"];

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

describe("sms job create --activate-at --repeat", () => {
  it("creates a scheduled weekly job", async () => {
    const result = sms(...create, "--activate-at", "1998-11-19T22:00", "--repeat", "weekly");
    expect(result.stderr).toBe("");
    const jobId = /Created job (\w{8})/.exec(result.stdout)![1]!;
    expect(result.stdout).toBe(`Created job ${jobId} (Pending). The scheduler sends it at 1998-11-19T22:00:00, then weekly, once its review passes (sms check --job ${jobId}).\n`);
    expect(await db.job.findUniqueOrThrow({ where: { jobId }, select: { activateAt: true, repeat: true, state: true } })).toEqual({ activateAt: "1998-11-19T22:00:00", repeat: "WEEKLY", state: "PENDING" });
    // No --server-group: SMS's Default Servers, named as such.
    expect(sms("job", "show", jobId).stdout).toContain("  Distribute phase: Put on Specified Distribution Servers: Default Servers (every distribution server of the target sites)\n");
  }, 60_000);

  it("refuses a repeat without an activation time, naming the field", () => {
    const result = sms(...create, "--repeat", "weekly");
    expect([result.code, result.stderr]).toEqual([1, "sms: The job is not valid\n  schedule.activateAt: A repeated job needs an activation time\n"]);
  }, 60_000);
});

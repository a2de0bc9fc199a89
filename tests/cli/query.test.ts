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

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

describe("sms query", () => {
  it("creates, lists and shows a query, and a job targets it by name", async () => {
    const created = sms("query", "create", "--name", "NT at BPC", "--condition", "platform IS WIN32_X86", "--condition", "AND siteCode IS BPC");
    expect(created).toMatchObject({ code: 0, stderr: "", stdout: "Created query NT at BPC: Platform is Windows NT (x86) and Site is BPC.\n" });
    expect(sms("query", "list").stdout).toBe("NT at BPC: Platform is Windows NT (x86) and Site is BPC\n");
    const count = await db.computer.count({ where: { platform: "WIN32_X86", siteCode: "BPC" } });
    const shown = sms("query", "show", "NT at BPC");
    expect(shown.stdout).toContain('  --condition "AND siteCode IS BPC"\n');
    expect(shown.stdout).toContain(`Matching computers now: ${count.toLocaleString("en-US")}\n`);

    const job = sms("job", "create", "--package", "BPC0000A", "--command", "Complete", "--query-name", "NT at BPC");
    expect(job.stderr).toBe("");
    const jobId = /Created job (\w{8})/.exec(job.stdout)![1]!;
    const row = await db.job.findUniqueOrThrow({ where: { jobId }, select: { targetKind: true, targetQuery: { select: { name: true } } } });
    expect(row).toEqual({ targetKind: "QUERY", targetQuery: { name: "NT at BPC" } });
  });

  it("refuses a condition naming the field, and a query that does not exist", () => {
    const refused = sms("query", "create", "--name", "Bad", "--condition", "platform LIKE WIN*");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("conditions[0].operator: Platform can be compared with: is, is not");
    expect(sms("query", "show", "Nothing").stderr).toContain('No query is named "Nothing"');
    expect(sms("job", "create", "--package", "BPC0000A", "--command", "Complete", "--query-name", "Nothing").stderr).toContain('--query-name: query "Nothing" does not exist');
  });
});

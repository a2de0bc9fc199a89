import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { reviewSavedJob } from "@/lib/data/review/job-review";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { currentWallClock } from "@/lib/wall-clock";
import { resetDatabase } from "../support/reset-database";

function sms(...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env }, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

describe("sms job create --type share|remove", () => {
  it("creates, shows, lists and sends a Share Package On Server job for a server group", async () => {
    const created = sms("job", "create", "--type", "share", "--package", "BPC00021", "--server-group", "BPC Distribution Servers");
    expect(created.stderr).toBe("");
    const jobId = /Created job (\w{8})/.exec(created.stdout)![1]!;
    expect(await db.job.findUniqueOrThrow({ where: { jobId }, select: { jobType: true, targetKind: true, isRunPhase: true } })).toEqual({ jobType: "SHARE_PACKAGE_ON_SERVER", targetKind: "SERVER_GROUP", isRunPhase: false });

    const shown = sms("job", "show", jobId);
    expect(shown.stdout).toContain("  Job type:         Share Package On Server\n");
    expect(shown.stdout).toContain("  Servers:          server group BPC Distribution Servers\n");
    expect(shown.stdout).toContain("  Distribute phase: Put the package on the target servers and share it\n");
    expect(sms("job", "list").stdout).toContain(`${jobId}  Pending    Share Package On Server     BPC00021  -`);

    const review = (await reviewSavedJob({ jobId, now: currentWallClock() }))!;
    expect(review.errors).toEqual([]);
    for (const rule of review.unacknowledgedWarnings) expect(sms("job", "acknowledge", jobId, "--rule", rule, "--reason", "Checked with the site admin").code).toBe(0);
    const sent = sms("job", "send", jobId);
    expect(sent.stderr).toBe("");
    expect(sent.stdout).toMatch(new RegExp(`^Sent job ${jobId} as request \\w{7} to 2 servers \\(no instruction records\\)\\.\\n$`));
    expect(sms("job", "show", jobId).stdout).toContain("(sent to CNS-SMS, CNSAPPS1)");
  }, 120_000);

  it("refuses a server job with a workstation target or without servers, naming the option", () => {
    expect(sms("job", "create", "--type", "remove", "--package", "BPC00021", "--computers", "MDM00005", "--servers", "CNS-SMS")).toMatchObject({ code: 2 });
    const missing = sms("job", "create", "--type", "remove", "--package", "BPC00021");
    expect(missing.stderr).toContain("--type remove needs exactly one of --server-group NAME or --servers NAME,NAME");
    expect(sms("job", "create", "--type", "sideways", "--package", "BPC00021").stderr).toContain("--type must be run");
  }, 60_000);
});

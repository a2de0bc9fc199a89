import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { readKeptReportsOneByOneOnFailure } from "@/lib/data/job-status/status-reports/reading";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { readStatusMifFixture } from "@/lib/status-mif/fixtures/status-mif-fixtures";
import { TEST_ADMINISTRATOR } from "../support/actors";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

// Two console instances each read one of a job's last two Complete reports at the same moment. Each
// reading counts the job's Complete targets inside its own transaction; before the job's row was
// locked first, neither saw the other's uncommitted status, and the job stayed Active for ever
// (PostgreSQL, READ COMMITTED; SQLite's one connection runs the two one after the other).

const SUCCESS = readStatusMifFixture("q166833-success.mif");
const NOW = "2026-03-02T10:00:00";
const JOBS = 6;

let clients: [string, string];

async function keptReport(smsId: string, jobId: string) {
  const row = await db.statusReport.create({
    data: { source: "despoolr.box", receivedFrom: "10.1.2.3", smsId, jobReference: jobId, rawText: SUCCESS, contentHash: `race-${jobId}-${smsId}`, outcome: "received" },
    select: { id: true },
  });
  return { id: row.id, smsId, jobReference: jobId, rawText: SUCCESS, reportedAt: null, now: NOW };
}

beforeAll(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  const bpc = await db.computer.findMany({ where: { siteCode: "BPC", platform: "WIN32_X86" }, orderBy: { smsId: "asc" }, take: 2, select: { smsId: true } });
  clients = bpc.map((computer) => computer.smsId) as [string, string];
});

beforeEach(() => bindProcessActor(TEST_ADMINISTRATOR));
afterEach(() => bindProcessActor(TEST_ADMINISTRATOR));

describe("a job's last Complete reports read by two instances at once", () => {
  it("completes the job once, whichever reading commits last", async () => {
    const jobIds: string[] = [];
    for (let index = 0; index < JOBS; index++) {
      const input = await demoJobInput({ target: { kind: "COMPUTERS", smsIds: clients }, runPhase: { offerAfter: "2020-01-01T08:00:00", isExpiring: false, expireAfter: undefined } });
      const jobId = await createJob({ input });
      await activateJob({ jobId });
      jobIds.push(jobId);
    }
    const readings = [];
    for (const jobId of jobIds) {
      const [first, second] = [await keptReport(clients[0], jobId), await keptReport(clients[1], jobId)];
      // Two readings in flight together: on PostgreSQL each runs on its own pooled connection.
      readings.push(readKeptReportsOneByOneOnFailure([first], "received"), readKeptReportsOneByOneOnFailure([second], "received"));
    }
    await Promise.all(readings);

    const jobs = await db.job.findMany({ where: { jobId: { in: jobIds } }, orderBy: { jobId: "asc" }, select: { jobId: true, state: true, transitions: { where: { toState: "COMPLETE" }, select: { actor: true } } } });
    expect(jobs.map((job) => [job.jobId, job.state, job.transitions.length])).toEqual([...jobIds].sort().map((jobId) => [jobId, "COMPLETE", 1]));
    expect(await db.targetStatus.count({ where: { jobId: { in: jobIds }, status: "COMPLETE" } })).toBe(JOBS * 2);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { acknowledgeWarning, reviewSavedJob } from "@/lib/data/review/job-review";
import { activateDueJobs } from "@/lib/data/jobs/job-scheduler";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

const NOW = "1998-11-19T08:00:00";

beforeEach(async () => {
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
});

/** A job the review lets through: every warning acknowledged, as an admin would before scheduling it. */
async function scheduledJob(schedule: Record<string, unknown>, runPhase: Record<string, unknown> = {}) {
  // Refreshing existing servers too, so a second send of the package raises no R54.
  const jobId = await createJob({ input: await demoJobInput({ schedule, distributePhase: { refreshExistingServers: true }, runPhase: { isExpiring: false, ...runPhase } }) });
  const review = await reviewSavedJob({ jobId, now: NOW });
  for (const rule of review!.unacknowledgedWarnings) await acknowledgeWarning({ jobId, rule, reason: "Checked with the site admin", now: NOW });
  expect((await reviewSavedJob({ jobId, now: NOW }))!.errors).toEqual([]);
  return jobId;
}

const stateOf = async (jobId: string) => (await db.job.findUniqueOrThrow({ where: { jobId } })).state;

describe("the job scheduler", () => {
  it("activates a Pending job once its activation time has come, and not before", async () => {
    const due = await scheduledJob({ activateAt: "1998-11-19T07:59:00" });
    const later = await scheduledJob({ activateAt: "1998-11-19T08:01:00" });
    const byHand = await scheduledJob({});
    expect(await activateDueJobs({ now: NOW })).toEqual({ activated: [due], held: [] });
    expect([await stateOf(due), await stateOf(later), await stateOf(byHand)]).toEqual(["ACTIVE", "PENDING", "PENDING"]);
    expect(await activateDueJobs({ now: NOW })).toEqual({ activated: [], held: [] });
  });

  it("activates a job once when several instances pass at the same moment", async () => {
    const jobId = await scheduledJob({ activateAt: "1998-11-19T07:00:00" });
    const passes = await Promise.all([activateDueJobs({ now: NOW }), activateDueJobs({ now: NOW }), activateDueJobs({ now: NOW })]);
    expect(passes.flatMap((pass) => pass.activated)).toEqual([jobId]);
    expect(await db.jobTransition.count({ where: { jobId, toState: "ACTIVE" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { objectId: jobId, action: "job.send" } })).toBe(1);
  });

  it("keeps a due job whose review fails Pending, says why on the job, and audits it once", async () => {
    // The patch's command line does not support MDM00005's platform: an error (R60).
    const patch = await db.workstationCommandLine.findFirstOrThrow({ where: { packageId: "BPC00012" } });
    const jobId = await createJob({ input: await demoJobInput({ packageId: "BPC00012", schedule: { activateAt: "1998-11-19T07:00:00" }, runPhase: { commandLineId: patch.id, isExpiring: false } }) });
    const { errors } = (await reviewSavedJob({ jobId, now: NOW }))!;
    expect(errors).toContain("R60");
    const first = await activateDueJobs({ now: NOW });
    const second = await activateDueJobs({ now: NOW });
    expect(first.held.map((held) => held.jobId)).toEqual([jobId]);
    expect(second.held).toEqual(first.held);
    const job = await db.job.findUniqueOrThrow({ where: { jobId } });
    expect([job.state, job.activationProblem]).toEqual(["PENDING", `Job ${jobId} cannot be sent: the review finds ${errors.length} error${errors.length === 1 ? "" : "s"} (${errors.join(", ")})`]);
    expect(await db.auditEvent.count({ where: { objectId: jobId, action: "job.activate", outcome: "refused" } })).toBe(1);
  });

  it("sends high-priority jobs first when more are due than one pass takes", async () => {
    const low = await scheduledJob({ activateAt: "1998-11-19T06:00:00" });
    await db.job.update({ where: { jobId: low }, data: { priority: "LOW" } });
    const high = await scheduledJob({ activateAt: "1998-11-19T07:00:00" });
    await db.job.update({ where: { jobId: high }, data: { priority: "HIGH" } });
    const pass = await activateDueJobs({ now: NOW });
    expect(pass).toEqual({ activated: [high, low], held: [] });
  });
});

describe("repeated jobs (Q141192)", () => {
  const runPhase = { isMandatory: true, mandatoryAfter: "1998-11-20T22:00:00" };

  it("creates the next weekly occurrence when a job activates, with Mandatory After moved on a 1.2 site", async () => {
    const jobId = await scheduledJob({ activateAt: "1998-11-19T07:00:00", repeat: "WEEKLY" }, runPhase);
    await activateDueJobs({ now: NOW });
    const next = await db.job.findFirstOrThrow({ where: { repeatOfJobId: jobId } });
    expect([next.state, next.activateAt, next.repeat, next.offerAfter, next.mandatoryAfter]).toEqual(["PENDING", "1998-11-26T07:00:00", "WEEKLY", "1998-11-27T08:00:00", "1998-11-27T22:00:00"]);
    // The acknowledgements were for the same definition: the next occurrence activates by itself too.
    expect(await activateDueJobs({ now: "1998-11-26T07:00:00" })).toEqual({ activated: [next.jobId], held: [] });
    expect(await db.job.count({ where: { repeatOfJobId: next.jobId } })).toBe(1);
  });

  it("keeps the original Mandatory After on a 1.1 site", async () => {
    await db.site.update({ where: { code: "BPC" }, data: { smsVersion: "1.1", servicePack: 0 } });
    const jobId = await scheduledJob({ activateAt: "1998-11-19T07:00:00", repeat: "DAILY" }, runPhase);
    await activateDueJobs({ now: NOW });
    const next = await db.job.findFirstOrThrow({ where: { repeatOfJobId: jobId } });
    expect([next.activateAt, next.mandatoryAfter]).toEqual(["1998-11-20T07:00:00", "1998-11-20T22:00:00"]);
  });

  it("refuses a repeat without an activation time, naming the field", async () => {
    await expect(demoJobInput({ schedule: { repeat: "WEEKLY" } })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["schedule", "activateAt"], message: "A repeated job needs an activation time" })] });
  });
});

import "server-only";
import type { Actor } from "../../access/roles";
import { db } from "../../db";
import { isDomainError } from "../../errors";
import { JOB_PRIORITIES } from "../../jobs/schema";
import { recordAudit } from "../audit/audit";
import { sendJob } from "../review/job-review";
import { authorize, runAsActor } from "../accounts/session";

/** Who the console's scheduler acts as: an operator, as the SMS Scheduler service was a site component. */
export const SCHEDULER_ACTOR: Actor = { userId: null, name: "scheduler", role: "operator", address: null, sessionId: null };

/** At most this many jobs are sent per pass, so one pass stays short; the next pass takes the rest. */
export const MAX_JOBS_PER_PASS = 20;

export interface SchedulerPass {
  activated: string[];
  /** Due jobs the review kept Pending, with why (also stored on the job and, when it changes, audited). */
  held: { jobId: string; problem: string }[];
}

/**
 * One pass of the scheduler: every Pending job whose activation time has come is sent through
 * the same review as a Send by hand (errors and unacknowledged warnings keep it Pending). Several
 * console instances may pass at once: activation is a conditional update of a Pending row, so a
 * job is activated by one of them only, and the others see it Active and move on.
 */
export async function activateDueJobs(options: { now: string }): Promise<SchedulerPass> {
  await authorize("jobs:write", { type: "job" });
  const due = await db.job.findMany({
    where: { state: "PENDING", activateAt: { not: null, lte: options.now } },
    select: { jobId: true, priority: true, activateAt: true },
    orderBy: [{ activateAt: "asc" }, { jobId: "asc" }],
    take: MAX_JOBS_PER_PASS * 5,
  });
  const rank = (priority: string) => JOB_PRIORITIES.indexOf(priority as (typeof JOB_PRIORITIES)[number]);
  // Priority 1 (high) first, then the longest overdue (Q123221: 1 high, 2 medium, 3 low).
  due.sort((a, b) => rank(a.priority) - rank(b.priority) || a.activateAt!.localeCompare(b.activateAt!) || a.jobId.localeCompare(b.jobId));
  const pass: SchedulerPass = { activated: [], held: [] };
  for (const { jobId } of due.slice(0, MAX_JOBS_PER_PASS)) {
    try {
      await sendJob({ jobId, now: options.now });
      pass.activated.push(jobId);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const problem = await holdJob(jobId, error.message);
      if (problem) pass.held.push({ jobId, problem });
    }
  }
  return pass;
}

/** Keeps why a due job stays Pending; null when another instance sent it meanwhile. */
async function holdJob(jobId: string, message: string): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { jobId }, select: { state: true, activationProblem: true } });
    if (!job || job.state !== "PENDING") return null;
    const problem = message.slice(0, 1000);
    if (job.activationProblem !== problem) {
      await tx.job.updateMany({ where: { jobId, state: "PENDING" }, data: { activationProblem: problem } });
      await recordAudit(tx, { actor: SCHEDULER_ACTOR, action: "job.activate", outcome: "refused", objectType: "job", objectId: jobId, detail: problem });
    }
    return problem;
  });
}

/** A scheduler pass as the scheduler actor, for the server's timer (it has no request or session). */
export function runSchedulerPass(now: string): Promise<SchedulerPass> {
  return runAsActor(SCHEDULER_ACTOR, () => activateDueJobs({ now }));
}

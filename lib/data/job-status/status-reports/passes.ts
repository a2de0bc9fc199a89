import "server-only";
import { db } from "../../../db";
import { SCHEDULER_ACTOR } from "../../jobs/job-scheduler";
import { authorize, runAsActor } from "../../accounts/session";
import { MAX_REPORTS_PER_COMMIT } from "./intake";
import { readKeptReportsOneByOneOnFailure } from "./reading";

// The scheduler's status pass: held reports whose time has come, and reports kept but never read.

/** A report still "received" this long after it was kept was left by a server that stopped before reading it. */
export const UNREAD_AFTER_MS = 30_000;

const keptReportSelect = { id: true, smsId: true, jobReference: true, rawText: true, reportedAt: true } as const;

/**
 * Applies held reports whose stamp the site's clock has reached (Q172899: "won't be processed till
 * <time>"). The scheduler's pass runs it (statusReportPass); a Job Status read runs it for its job.
 * Returns how many were due.
 */
export async function releaseDueStatusReports(options: { now: string; jobId?: string }): Promise<number> {
  // Anyone who may read job status may have its due reports applied: they are the clients' words.
  await authorize("console:read");
  let released = 0;
  let afterId = 0;
  for (;;) {
    const due = await db.statusReport.findMany({
      where: { outcome: "held", heldUntil: { lte: options.now }, id: { gt: afterId }, ...(options.jobId ? { jobId: options.jobId } : {}) },
      select: keptReportSelect,
      orderBy: { id: "asc" },
      take: MAX_REPORTS_PER_COMMIT,
    });
    await readKeptReportsOneByOneOnFailure(due.map((report) => ({ ...report, now: options.now })), "held");
    released += due.length;
    // A report whose reading fails again stays held: the next pass tries it, this one moves on
    // (found in review: 250 such reports made this loop, and so the scheduler, never end).
    afterId = due.at(-1)?.id ?? afterId;
    if (due.length < MAX_REPORTS_PER_COMMIT) return released;
  }
}

/**
 * Reads reports kept but never read: the server stopped between keeping and reading them, or the
 * reading failed. Only those kept before `keptBefore`, so a live intake reads its own. Returns how many.
 */
export async function readUnreadStatusReports(options: { now: string; keptBefore: Date }): Promise<number> {
  await authorize("jobs:write", { type: "job" });
  let read = 0;
  let afterId = 0;
  for (;;) {
    const unread = await db.statusReport.findMany({
      where: { outcome: "received", receivedAt: { lte: options.keptBefore }, id: { gt: afterId } },
      select: keptReportSelect,
      orderBy: { id: "asc" },
      take: MAX_REPORTS_PER_COMMIT,
    });
    await readKeptReportsOneByOneOnFailure(unread.map((report) => ({ ...report, now: options.now })), "received");
    read += unread.length;
    // A report that fails again stays received; the next pass tries it, this one moves on.
    afterId = unread.at(-1)?.id ?? afterId;
    if (unread.length < MAX_REPORTS_PER_COMMIT) return read;
  }
}

/** The scheduler's status pass: held reports now due, and reports kept but left unread. Safe on several instances. */
export async function statusReportPass(options: { now: string; keptBefore?: Date }): Promise<{ released: number; read: number }> {
  return runAsActor(SCHEDULER_ACTOR, () => statusReportPassAsScheduler(options));
}

async function statusReportPassAsScheduler(options: { now: string; keptBefore?: Date }): Promise<{ released: number; read: number }> {
  const read = await readUnreadStatusReports({ now: options.now, keptBefore: options.keptBefore ?? new Date(Date.now() - UNREAD_AFTER_MS) });
  const released = await releaseDueStatusReports({ now: options.now });
  return { released, read };
}

import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db, type Transaction } from "../../../db";
import { readStatusReport, type StatusReportReading, type TargetStatusValue } from "../../../job-status/target-status";
import { JOB_ID_PATTERN } from "../../../sms-id";
import { recordAudit } from "../../audit/audit";

// Status intake, step 2: what the Despooler made of kept reports (a verdict per report, the
// targets' statuses, a job completed when every target is), for the intake and the scheduler's passes.

export type StatusReportRefusal = "truncated" | "unknown-client" | "unknown-job" | "not-sent" | "canceled" | "not-targeted";

export interface StatusIntakeResult {
  reportId: number;
  /** "received": kept and committed, not read yet (it is, within a minute). */
  outcome: "applied" | "held" | "refused" | "received";
  /** The same report was received before: nothing changed. */
  isDuplicate: boolean;
  refusal: StatusReportRefusal | null;
  targetStatus: Exclude<TargetStatusValue, "NONE"> | null;
  message: string;
}

/** The actor name on job changes the status MIFs made, as SMS's Despooler made them. */
export const DESPOOLER_ACTOR = "despooler (status MIFs)";

/** A kept report waiting to be read: just received, or held for clock skew. */
export interface KeptReport {
  id: number;
  smsId: string;
  jobReference: string;
  rawText: string;
  reportedAt: string | null;
  now: string;
}

/**
 * Reads kept reports in one transaction; if that fails, each alone, so one report the database will
 * not take leaves only itself unread (still "received": the scheduler's next pass reads it again).
 */
export async function readKeptReportsOneByOneOnFailure(reports: KeptReport[], from: "received" | "held"): Promise<Map<number, StatusIntakeResult>> {
  try {
    return await readKeptReports(reports, from);
  } catch (error) {
    const results = new Map<number, StatusIntakeResult>();
    if (reports.length > 1) {
      for (const report of reports) {
        try {
          for (const [id, result] of await readKeptReports([report], from)) results.set(id, result);
        } catch (alone) {
          console.error(`status intake: report ${report.id} kept, not read yet: ${causeOf(alone)}`);
        }
      }
    } else {
      console.error(`status intake: report ${reports[0]?.id} kept, not read yet: ${causeOf(error)}`);
    }
    return results;
  }
}

// Prisma's message starts with where it was called; its last line is the database's own word.
const causeOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n").filter((line) => line.trim() !== "").at(-1) ?? "";

type Verdict =
  | { kind: "refused"; jobId: string | null; refusal: StatusReportRefusal; reason: string }
  | { kind: "held"; jobId: string; until: string }
  | { kind: "applied"; jobId: string; machineName: string; reading: Extract<StatusReportReading, { kind: "applied" }> };

/**
 * What the Despooler made of kept reports, all in one transaction: a few lookups for the whole batch,
 * one update per distinct outcome, and the targets' statuses replaced per job. The rows are claimed
 * first: a concurrent pass (another console instance) waits for this commit and then finds them read.
 */
async function readKeptReports(reports: KeptReport[], from: "received" | "held"): Promise<Map<number, StatusIntakeResult>> {
  const results = new Map<number, StatusIntakeResult>();
  if (reports.length === 0) return results;
  await db.$transaction(async (tx) => {
    const ids = reports.map((report) => report.id);
    const claimed = await tx.$executeRaw`UPDATE "StatusReport" SET "outcome" = 'reading' WHERE "id" IN (${Prisma.join(ids)}) AND "outcome" = ${from}`;
    let mine = reports;
    if (claimed !== reports.length) {
      const reading = new Set((await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "StatusReport" WHERE "id" IN (${Prisma.join(ids)}) AND "outcome" = 'reading'`).map((row) => Number(row.id)));
      mine = reports.filter((report) => reading.has(report.id));
    }
    if (mine.length === 0) return;
    mine = [...mine].sort((a, b) => a.id - b.id);
    const smsIds = [...new Set(mine.map((report) => report.smsId))];
    const references = [...new Set(mine.map((report) => report.jobReference))];
    // Plain SQL for the batch's lookups and writes: through Prisma's query builder each call cost
    // more than the reports' own reading (decision 013). Portable SQL, tested on both databases.
    const computers = new Map((await tx.$queryRaw<{ smsId: string; name: string }[]>`SELECT "smsId", "name" FROM "Computer" WHERE "smsId" IN (${Prisma.join(smsIds)})`).map((computer) => [computer.smsId, computer]));
    const jobs = await tx.$queryRaw<{ jobId: string; requestId: string | null; state: string }[]>`
      SELECT "jobId", "requestId", "state" FROM "Job"
       WHERE "jobId" IN (${inList(references.filter((reference) => JOB_ID_PATTERN.test(reference)))}) OR "requestId" IN (${inList(references.filter((reference) => !JOB_ID_PATTERN.test(reference)))})`;
    const jobOf = (reference: string) => jobs.find((job) => (JOB_ID_PATTERN.test(reference) ? job.jobId === reference : job.requestId === reference)) ?? null;
    const targets = new Set(
      jobs.length === 0
        ? []
        : (await tx.$queryRaw<{ jobId: string; smsId: string }[]>`SELECT "jobId", "smsId" FROM "JobTarget" WHERE "jobId" IN (${Prisma.join(jobs.map((job) => job.jobId))}) AND "smsId" IN (${Prisma.join(smsIds)})`).map((target) => `${target.jobId}/${target.smsId}`),
    );

    const verdictOf = (report: KeptReport): Verdict => {
      const byJobId = JOB_ID_PATTERN.test(report.jobReference);
      const job = jobOf(report.jobReference);
      const computer = computers.get(report.smsId);
      if (!computer) return { kind: "refused", refusal: "unknown-client", reason: `${report.smsId} is not in inventory`, jobId: job?.jobId ?? null };
      if (!job) return { kind: "refused", refusal: "unknown-job", reason: `No job has the ${byJobId ? "job" : "request"} ID ${report.jobReference}`, jobId: null };
      if (job.state === "CANCELED") return { kind: "refused", refusal: "canceled", reason: from === "held" ? `Job ${job.jobId} was canceled before the report's time came` : `Job ${job.jobId} was canceled`, jobId: job.jobId };
      if (job.state === "PENDING") return { kind: "refused", refusal: "not-sent", reason: `Job ${job.jobId} has not been sent`, jobId: job.jobId };
      if (!targets.has(`${job.jobId}/${report.smsId}`)) return { kind: "refused", refusal: "not-targeted", reason: `Job ${job.jobId} does not target ${report.smsId}`, jobId: job.jobId };
      // A held report's time has come: its stamp is not read again.
      const reading = readStatusReport({ text: report.rawText, reportedAt: from === "held" ? null : report.reportedAt, now: report.now });
      if (reading.kind === "truncated") return { kind: "refused", refusal: "truncated", reason: reading.error, jobId: job.jobId };
      if (reading.kind === "held") return { kind: "held", jobId: job.jobId, until: reading.until };
      return { kind: "applied", jobId: job.jobId, machineName: computer.name, reading };
    };

    const updates = new Map<string, { data: Prisma.StatusReportUpdateManyMutationInput & { jobId: string | null }; ids: number[] }>();
    const statuses = new Map<string, Map<string, Prisma.TargetStatusCreateManyInput>>();
    for (const report of mine) {
      const verdict = verdictOf(report);
      const data: Prisma.StatusReportUpdateManyMutationInput & { jobId: string | null } =
        verdict.kind === "refused"
          ? { jobId: verdict.jobId, outcome: "refused", refusalReason: verdict.reason }
          : verdict.kind === "held"
            ? { jobId: verdict.jobId, outcome: "held", heldUntil: verdict.until }
            : { jobId: verdict.jobId, ...appliedColumns(verdict.reading) };
      const key = JSON.stringify(data);
      const update = updates.get(key) ?? { data, ids: [] as number[] };
      update.ids.push(report.id);
      updates.set(key, update);
      if (verdict.kind === "refused") {
        results.set(report.id, { reportId: report.id, outcome: "refused", isDuplicate: false, refusal: verdict.refusal, targetStatus: null, message: `Refused, and kept as report ${report.id}: ${verdict.reason}.` });
      } else if (verdict.kind === "held") {
        results.set(report.id, { reportId: report.id, outcome: "held", isDuplicate: false, refusal: null, targetStatus: null, message: `Held as report ${report.id}: stamped ${verdict.until}, later than the site's clock (${report.now}); it is processed then, as the Despooler did (Q172899).` });
      } else {
        const { reading } = verdict;
        // Reports are read in the order they were kept: the later one for a target is its status.
        const ofJob = statuses.get(verdict.jobId) ?? new Map<string, Prisma.TargetStatusCreateManyInput>();
        ofJob.set(report.smsId, { jobId: verdict.jobId, smsId: report.smsId, status: reading.status, description: reading.description, warning: reading.warning, reportId: report.id, reportedAt: report.now });
        statuses.set(verdict.jobId, ofJob);
        results.set(report.id, {
          reportId: report.id,
          outcome: "applied",
          isDuplicate: false,
          refusal: null,
          targetStatus: reading.status,
          message: `Report ${report.id} applied: ${verdict.machineName} is ${reading.status === "COMPLETE" ? "Complete" : "Retrying"}${reading.warning ? ` (${reading.warning})` : ""}.`,
        });
      }
    }
    for (const { data, ids: sameOutcome } of updates.values()) {
      // The column names are this file's (the verdict's data), never a client's; checked all the same,
      // since they reach the SQL as names.
      const columns = Prisma.join(
        Object.entries(data).map(([column, value]) => {
          if (!VERDICT_COLUMNS.has(column)) throw new Error(`not a status report column a verdict writes: ${column}`);
          return Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value ?? null}`;
        }),
      );
      await tx.$executeRaw`UPDATE "StatusReport" SET ${columns} WHERE "id" IN (${Prisma.join(sameOutcome)})`;
    }
    // Jobs in key order, so two readings that share jobs take their locks in one order (no deadlock).
    for (const [jobId, ofJob] of [...statuses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      // The job's row locked first: a concurrent reading of the same job (another instance) waits for
      // this commit, then counts this one's statuses too. Without it, two readings of a job's last two
      // Complete reports each counted one short, and the job stayed Active.
      await tx.$executeRaw`UPDATE "Job" SET "version" = "version" WHERE "jobId" = ${jobId}`;
      // A report read late (its first reading failed) must not replace a later one's status.
      const newer = await tx.$queryRaw<{ smsId: string; reportId: number }[]>`SELECT "smsId", "reportId" FROM "TargetStatus" WHERE "jobId" = ${jobId} AND "smsId" IN (${Prisma.join([...ofJob.keys()])})`;
      for (const row of newer) if (Number(row.reportId) > ofJob.get(row.smsId)!.reportId) ofJob.delete(row.smsId);
      if (ofJob.size === 0) continue;
      // Replacing the rows is the upsert of many targets in two statements.
      await tx.$executeRaw`DELETE FROM "TargetStatus" WHERE "jobId" = ${jobId} AND "smsId" IN (${Prisma.join([...ofJob.keys()])})`;
      await tx.targetStatus.createMany({ data: [...ofJob.values()] });
      if ([...ofJob.values()].some((status) => status.status === "COMPLETE")) await completeIfEveryTargetComplete(tx, jobId);
    }
  });
  return results;
}

/** The StatusReport columns a verdict sets (refused, held, applied). */
const VERDICT_COLUMNS = new Set(["jobId", "outcome", "refusalReason", "heldUntil", "installStatus", "description", "parseError"]);

/** An IN list that may be empty: (NULL) matches nothing, on both databases. */
const inList = (values: string[]) => (values.length > 0 ? Prisma.join(values) : null);

function appliedColumns(reading: Extract<StatusReportReading, { kind: "applied" }>) {
  return { outcome: "applied", heldUntil: null, installStatus: reading.installStatus, description: reading.description, parseError: reading.parseError };
}

/** Completes an Active job whose every target is now Complete, as the Despooler's status did. */
async function completeIfEveryTargetComplete(tx: Transaction, jobId: string): Promise<void> {
  // One statement, two index counts per job and batch, not per report (Q140389's flood).
  const [row] = await tx.$queryRaw<{ state: string; version: number; total: number | bigint; complete: number | bigint }[]>`
    SELECT j."state" AS "state", j."version" AS "version",
           (SELECT COUNT(*) FROM "JobTarget" t WHERE t."jobId" = j."jobId") AS "total",
           (SELECT COUNT(*) FROM "TargetStatus" s WHERE s."jobId" = j."jobId" AND s."status" = 'COMPLETE') AS "complete"
      FROM "Job" j WHERE j."jobId" = ${jobId}`;
  if (row?.state !== "ACTIVE") return;
  const job = { state: row.state, version: Number(row.version) };
  const total = Number(row.total);
  if (Number(row.complete) < total) return;
  const changed = await tx.job.updateMany({ where: { jobId, state: "ACTIVE" }, data: { state: "COMPLETE", version: { increment: 1 } } });
  if (changed.count === 0) return;
  const note = `Every target (${total}) reported Complete`;
  await tx.jobTransition.create({ data: { jobId, fromState: "ACTIVE", toState: "COMPLETE", actor: DESPOOLER_ACTOR, note } });
  await recordAudit(tx, { actor: null, claimedName: DESPOOLER_ACTOR, action: "job.complete", objectType: "job", objectId: jobId, before: job, after: { state: "COMPLETE", version: job.version + 1 }, detail: note });
}


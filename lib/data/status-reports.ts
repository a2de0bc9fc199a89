import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db, type Transaction } from "../db";
import { asDomainError, DomainError } from "../errors";
import { ACCESS_TOKEN_HEADER, hashAccessToken, isAccessTokenValid } from "../instruction-box/access-token";
import { statusReportInputSchema, type StatusReport, type StatusReportInput } from "../job-status/schema";
import { readStatusReport, type StatusReportReading, type TargetStatusValue } from "../job-status/target-status";
import { JOB_ID_PATTERN } from "../sms-id";
import { recordAudit, recordAuditEvent } from "./audit";
import { modeOf, siteOfClient } from "./instruction-box-access";
import { SCHEDULER_ACTOR } from "./job-scheduler";
import { authorize, runAsActor } from "./session";

/** How a report arrived: a client's POST to DESPOOLR.BOX, or an operator's upload or import. */
export type StatusReportVia =
  | { source: "despoolr.box"; presentedToken: string | null; address: string | null }
  | { source: "upload" | "import"; receivedFrom: string };

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

function contentHashOf(report: StatusReport): string {
  return createHash("sha256").update([report.smsId, report.jobReference, report.reportedAt ?? "", report.text].join("\u0000")).digest("hex");
}

/**
 * The caller's right to file this report. A client has no session: like PCMINS.BOX, the client's
 * site is open or wants its token (Q189809); a token of another site is refused, since a logon
 * server's DESPOOLR.BOX serves its own site. An upload or import needs "jobs:write".
 */
async function authorizeReport(report: StatusReport, via: StatusReportVia): Promise<void> {
  if (via.source !== "despoolr.box") {
    await authorize("jobs:write", { type: "status-report", id: report.smsId });
    return;
  }
  const { site } = await siteOfClient(report.smsId);
  const refuse = async (code: "unauthenticated" | "forbidden", message: string) => {
    await recordAuditEvent({ actor: null, address: via.address, action: "status-report.receive", outcome: "refused", objectType: "status-report", objectId: report.smsId, detail: message });
    throw new DomainError(code, message);
  };
  if (via.presentedToken) {
    const owner = await db.site.findFirst({ where: { instructionBoxTokenHash: hashAccessToken(via.presentedToken) }, select: { code: true } });
    if (owner && owner.code !== site?.code) await refuse("forbidden", `The token given is site ${owner.code}'s; ${report.smsId} is not a client of site ${owner.code}.`);
  }
  if (site && modeOf(site.instructionBoxAccess) === "token" && !isAccessTokenValid(via.presentedToken, site.instructionBoxTokenHash)) {
    await refuse("unauthenticated", `Site ${site.code} requires its token, in the ${ACCESS_TOKEN_HEADER} header or the token query parameter${via.presentedToken ? "; the token given is not the site's" : ""}.`);
  }
}

/** At most this many reports are kept in one commit: 50 connections' worth and more, one short transaction. */
export const MAX_REPORTS_PER_COMMIT = 250;

/** A report still "received" this long after it was kept was left by a server that stopped before reading it. */
export const UNREAD_AFTER_MS = 30_000;

interface Submission {
  report: StatusReport;
  contentHash: string;
  via: StatusReportVia;
  now: string;
  resolve: (result: StatusIntakeResult) => void;
  reject: (error: unknown) => void;
}

/** A kept report waiting to be read: just received, or held for clock skew. */
interface KeptReport {
  id: number;
  smsId: string;
  jobReference: string;
  rawText: string;
  reportedAt: string | null;
  now: string;
}

/**
 * Files one status report: the one entry point for DESPOOLR.BOX posts, uploads and imports. The
 * report is kept as received, committed, before it is read and before the caller hears anything;
 * the same report twice changes nothing. Reports for unknown clients or jobs, jobs not sent,
 * canceled or not targeting the client are kept as refused. Concurrent reports share one commit
 * (group commit): one durable write for many clients, as the Despooler read a whole inbox at once.
 */
export async function receiveStatusReport(options: { input: StatusReportInput; via: StatusReportVia; now: string }): Promise<StatusIntakeResult> {
  const parsed = statusReportInputSchema.safeParse(options.input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
    throw new DomainError("invalid", issues.map((issue) => issue.message).join("; "), issues);
  }
  const report = parsed.data;
  await authorizeReport(report, options.via);
  return new Promise((resolve, reject) => intakeQueue().submit({ report, contentHash: contentHashOf(report), via: options.via, now: options.now, resolve, reject }));
}

/**
 * Reports waiting for a commit. A batch is taken on the event loop's next turn (setImmediate), not at
 * once: on SQLite every query runs synchronously inside promise callbacks, so a batch started at once
 * would run to its commit before the loop reads the next request off its socket, and every batch
 * would hold one report. On the next turn, every request that arrived meanwhile has joined it.
 */
class IntakeQueue {
  #waiting: Submission[] = [];
  #isWriting = false;

  submit(submission: Submission): void {
    this.#waiting.push(submission);
    if (!this.#isWriting) {
      this.#isWriting = true;
      setImmediate(() => void this.#writeAll());
    }
  }

  async #writeAll(): Promise<void> {
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, MAX_REPORTS_PER_COMMIT);
        try {
          await fileBatch(batch);
        } catch (error) {
          // fileBatch answers every submission; this is a bug, and no caller may wait forever for it.
          for (const submission of batch) submission.reject(error);
        }
        // Requests that arrived during that commit join the next batch before it is taken.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.#isWriting = false;
    }
  }
}

// One queue per server process (globalThis: the route and the actions may be bundled apart).
const globalForIntake = globalThis as unknown as { smsStatusIntakeQueue?: IntakeQueue };
const intakeQueue = () => (globalForIntake.smsStatusIntakeQueue ??= new IntakeQueue());

function notKept(error: unknown): DomainError {
  const fault = asDomainError(error);
  return new DomainError("unavailable", `The status report was not kept (${fault ? fault.message : "the database refused the write"}); send it again.`);
}

async function fileBatch(batch: Submission[]): Promise<void> {
  let kept: Map<string, { id: number } | { earlier: EarlierReport }>;
  try {
    kept = await keepAsReceived(batch);
  } catch (error) {
    if (batch.length === 1) return batch[0]!.reject(notKept(error));
    // One report the database will not take must not refuse the others: each is tried alone.
    for (const submission of batch) await fileBatch([submission]);
    return;
  }
  const fresh = new Map<number, KeptReport>();
  for (const { report, contentHash, now } of batch) {
    const row = kept.get(contentHash);
    if (row && "id" in row && !fresh.has(row.id)) fresh.set(row.id, { id: row.id, smsId: report.smsId, jobReference: report.jobReference, rawText: report.text, reportedAt: report.reportedAt ?? null, now });
  }
  const results = await readKeptReportsOneByOneOnFailure([...fresh.values()], "received");
  const answered = new Set<number>();
  for (const submission of batch) {
    const row = kept.get(submission.contentHash)!;
    if ("earlier" in row) {
      submission.resolve(duplicateResult(row.earlier));
    } else if (answered.has(row.id)) {
      // The same report twice in one batch: the second copy is a duplicate like any other.
      const first = results.get(row.id);
      submission.resolve({ ...(first ?? receivedResult(row.id)), isDuplicate: true, refusal: null, targetStatus: null, message: `This report was received before (report ${row.id}); nothing changed.` });
    } else {
      answered.add(row.id);
      submission.resolve(results.get(row.id) ?? receivedResult(row.id));
    }
  }
}

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

const earlierSelect = { id: true, contentHash: true, outcome: true, refusalReason: true, receivedAt: true } as const;
type EarlierReport = { id: number; outcome: string; refusalReason: string | null; receivedAt: Date };

/** Keeps every report of the batch as received, in one transaction; a report kept before is found, not kept twice. */
async function keepAsReceived(batch: Submission[]): Promise<Map<string, { id: number } | { earlier: EarlierReport }>> {
  const hashes = [...new Set(batch.map((submission) => submission.contentHash))];
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const kept = new Map<string, { id: number } | { earlier: EarlierReport }>();
        for (const row of await tx.statusReport.findMany({ where: { contentHash: { in: hashes } }, select: earlierSelect })) kept.set(row.contentHash, { earlier: row });
        const data = new Map<string, Prisma.StatusReportCreateManyInput>();
        for (const { report, contentHash, via } of batch) {
          if (kept.has(contentHash) || data.has(contentHash)) continue;
          data.set(contentHash, {
            source: via.source,
            receivedFrom: via.source === "despoolr.box" ? via.address : via.receivedFrom,
            smsId: report.smsId,
            jobReference: report.jobReference,
            rawText: report.text,
            contentHash,
            reportedAt: report.reportedAt ?? null,
            outcome: "received",
          });
        }
        if (data.size > 0) {
          for (const row of await tx.statusReport.createManyAndReturn({ data: [...data.values()], select: { id: true, contentHash: true } })) kept.set(row.contentHash, { id: row.id });
        }
        return kept;
      });
    } catch (error) {
      // Another console instance kept one of these reports meanwhile: the next look finds it.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

function duplicateResult(row: EarlierReport): StatusIntakeResult {
  return {
    reportId: row.id,
    outcome: row.outcome as StatusIntakeResult["outcome"],
    isDuplicate: true,
    refusal: null,
    targetStatus: null,
    message: `This report was received before (report ${row.id}, ${row.receivedAt.toISOString()}); nothing changed.${row.refusalReason ? ` It was refused: ${row.refusalReason}` : ""}`,
  };
}

/** Kept, committed, but not read yet (the reading failed, or another console instance is reading it). */
function receivedResult(reportId: number): StatusIntakeResult {
  return { reportId, outcome: "received", isDuplicate: false, refusal: null, targetStatus: null, message: `Kept as report ${reportId}; it is read within a minute.` };
}

/**
 * Reads kept reports in one transaction; if that fails, each alone, so one report the database will
 * not take leaves only itself unread (still "received": the scheduler's next pass reads it again).
 */
async function readKeptReportsOneByOneOnFailure(reports: KeptReport[], from: "received" | "held"): Promise<Map<number, StatusIntakeResult>> {
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
    const claimed = await tx.statusReport.updateMany({ where: { id: { in: ids }, outcome: from }, data: { outcome: "reading" } });
    let mine = reports;
    if (claimed.count !== reports.length) {
      const reading = new Set((await tx.statusReport.findMany({ where: { id: { in: ids }, outcome: "reading" }, select: { id: true } })).map((row) => row.id));
      mine = reports.filter((report) => reading.has(report.id));
    }
    if (mine.length === 0) return;
    mine = [...mine].sort((a, b) => a.id - b.id);
    const smsIds = [...new Set(mine.map((report) => report.smsId))];
    const references = [...new Set(mine.map((report) => report.jobReference))];
    const computers = new Map((await tx.computer.findMany({ where: { smsId: { in: smsIds } }, select: { smsId: true, name: true } })).map((computer) => [computer.smsId, computer]));
    const jobs = await tx.job.findMany({
      where: { OR: [{ jobId: { in: references.filter((reference) => JOB_ID_PATTERN.test(reference)) } }, { requestId: { in: references.filter((reference) => !JOB_ID_PATTERN.test(reference)) } }] },
      select: { jobId: true, requestId: true, state: true },
    });
    const jobOf = (reference: string) => jobs.find((job) => (JOB_ID_PATTERN.test(reference) ? job.jobId === reference : job.requestId === reference)) ?? null;
    const targets = new Set((await tx.jobTarget.findMany({ where: { jobId: { in: jobs.map((job) => job.jobId) }, smsId: { in: smsIds } }, select: { jobId: true, smsId: true } })).map((target) => `${target.jobId}/${target.smsId}`));

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
    for (const { data, ids: sameOutcome } of updates.values()) await tx.statusReport.updateMany({ where: { id: { in: sameOutcome } }, data });
    for (const [jobId, ofJob] of statuses) {
      // A report read late (its first reading failed) must not replace a later one's status.
      const newer = await tx.targetStatus.findMany({ where: { jobId, smsId: { in: [...ofJob.keys()] } }, select: { smsId: true, reportId: true } });
      for (const row of newer) if (row.reportId > ofJob.get(row.smsId)!.reportId) ofJob.delete(row.smsId);
      if (ofJob.size === 0) continue;
      // Replacing the rows is the upsert of many targets in two statements.
      await tx.targetStatus.deleteMany({ where: { jobId, smsId: { in: [...ofJob.keys()] } } });
      await tx.targetStatus.createMany({ data: [...ofJob.values()] });
      if ([...ofJob.values()].some((status) => status.status === "COMPLETE")) await completeIfEveryTargetComplete(tx, jobId);
    }
  });
  return results;
}

function appliedColumns(reading: Extract<StatusReportReading, { kind: "applied" }>) {
  return { outcome: "applied", heldUntil: null, installStatus: reading.installStatus, description: reading.description, parseError: reading.parseError };
}

/** Completes an Active job whose every target is now Complete, as the Despooler's status did. */
async function completeIfEveryTargetComplete(tx: Transaction, jobId: string): Promise<void> {
  const job = await tx.job.findUnique({ where: { jobId }, select: { state: true, version: true } });
  if (job?.state !== "ACTIVE") return;
  // Two index counts per job and batch, not per report (Q140389's flood).
  const [total, complete] = [await tx.jobTarget.count({ where: { jobId } }), await tx.targetStatus.count({ where: { jobId, status: "COMPLETE" } })];
  if (complete < total) return;
  const changed = await tx.job.updateMany({ where: { jobId, state: "ACTIVE" }, data: { state: "COMPLETE", version: { increment: 1 } } });
  if (changed.count === 0) return;
  const note = `Every target (${total}) reported Complete`;
  await tx.jobTransition.create({ data: { jobId, fromState: "ACTIVE", toState: "COMPLETE", actor: DESPOOLER_ACTOR, note } });
  await recordAudit(tx, { actor: null, claimedName: DESPOOLER_ACTOR, action: "job.complete", objectType: "job", objectId: jobId, before: job, after: { state: "COMPLETE", version: job.version + 1 }, detail: note });
}

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

import "server-only";
import { createHash } from "node:crypto";
import { db, type Transaction } from "../db";
import { DomainError } from "../errors";
import { ACCESS_TOKEN_HEADER, hashAccessToken, isAccessTokenValid } from "../instruction-box/access-token";
import { statusReportInputSchema, type StatusReport, type StatusReportInput } from "../job-status/schema";
import { readStatusReport, type StatusReportReading, type TargetStatusValue } from "../job-status/target-status";
import { JOB_ID_PATTERN } from "../sms-id";
import { recordAudit, recordAuditEvent } from "./audit";
import { modeOf, siteOfClient } from "./instruction-box-access";
import { authorize } from "./session";

/** How a report arrived: a client's POST to DESPOOLR.BOX, or an operator's upload or import. */
export type StatusReportVia =
  | { source: "despoolr.box"; presentedToken: string | null; address: string | null }
  | { source: "upload" | "import"; receivedFrom: string };

export type StatusReportRefusal = "truncated" | "unknown-client" | "unknown-job" | "not-sent" | "canceled" | "not-targeted";

export interface StatusIntakeResult {
  reportId: number;
  outcome: "applied" | "held" | "refused";
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

/**
 * Files one status report: the one entry point for DESPOOLR.BOX posts, uploads and imports. The
 * report is kept as received before it is read; the same report twice changes nothing. Reports for
 * unknown clients or jobs, jobs not sent, canceled or not targeting the client are kept as refused.
 */
export async function receiveStatusReport(options: { input: StatusReportInput; via: StatusReportVia; now: string }): Promise<StatusIntakeResult> {
  const parsed = statusReportInputSchema.safeParse(options.input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
    throw new DomainError("invalid", issues.map((issue) => issue.message).join("; "), issues);
  }
  const report = parsed.data;
  await authorizeReport(report, options.via);
  await releaseDueStatusReports({ now: options.now });
  const contentHash = contentHashOf(report);
  const earlier = await findByHash(contentHash);
  if (earlier) return earlier;
  try {
    return await db.$transaction((tx) => fileReport(tx, report, contentHash, options.via, options.now));
  } catch (error) {
    // Two copies of one report raced: the second is a duplicate like any other.
    const raced = await findByHash(contentHash);
    if (raced) return raced;
    throw error;
  }
}

async function findByHash(contentHash: string): Promise<StatusIntakeResult | null> {
  const row = await db.statusReport.findUnique({ where: { contentHash }, select: { id: true, outcome: true, refusalReason: true, receivedAt: true } });
  if (!row) return null;
  return {
    reportId: row.id,
    outcome: row.outcome as StatusIntakeResult["outcome"],
    isDuplicate: true,
    refusal: null,
    targetStatus: null,
    message: `This report was received before (report ${row.id}, ${row.receivedAt.toISOString()}); nothing changed.${row.refusalReason ? ` It was refused: ${row.refusalReason}` : ""}`,
  };
}

async function refusalOf(tx: Transaction, report: StatusReport): Promise<{ refusal: StatusReportRefusal; reason: string; jobId: string | null } | { refusal: null; jobId: string; jobState: string; machineName: string; domain: string }> {
  const computer = await tx.computer.findUnique({ where: { smsId: report.smsId }, select: { name: true, siteCode: true, ntDomain: true } });
  const byJobId = JOB_ID_PATTERN.test(report.jobReference);
  const job = await tx.job.findUnique({ where: byJobId ? { jobId: report.jobReference } : { requestId: report.jobReference }, select: { jobId: true, state: true } });
  if (!computer) return { refusal: "unknown-client", reason: `${report.smsId} is not in inventory`, jobId: job?.jobId ?? null };
  if (!job) return { refusal: "unknown-job", reason: `No job has the ${byJobId ? "job" : "request"} ID ${report.jobReference}`, jobId: null };
  if (job.state === "CANCELED") return { refusal: "canceled", reason: `Job ${job.jobId} was canceled`, jobId: job.jobId };
  if (job.state === "PENDING") return { refusal: "not-sent", reason: `Job ${job.jobId} has not been sent`, jobId: job.jobId };
  const target = await tx.jobTarget.findUnique({ where: { jobId_smsId: { jobId: job.jobId, smsId: report.smsId } }, select: { smsId: true } });
  if (!target) return { refusal: "not-targeted", reason: `Job ${job.jobId} does not target ${report.smsId}`, jobId: job.jobId };
  return { refusal: null, jobId: job.jobId, jobState: job.state, machineName: computer.name, domain: computer.ntDomain ?? computer.siteCode };
}

async function fileReport(tx: Transaction, report: StatusReport, contentHash: string, via: StatusReportVia, now: string): Promise<StatusIntakeResult> {
  const kept = {
    source: via.source,
    receivedFrom: via.source === "despoolr.box" ? via.address : via.receivedFrom,
    smsId: report.smsId,
    jobReference: report.jobReference,
    rawText: report.text,
    contentHash,
    reportedAt: report.reportedAt ?? null,
  };
  const checked = await refusalOf(tx, report);
  const reading = readStatusReport({ text: report.text, reportedAt: report.reportedAt ?? null, now });
  if (checked.refusal !== null || reading.kind === "truncated") {
    const refusal = checked.refusal !== null ? checked : { refusal: "truncated" as const, reason: reading.kind === "truncated" ? reading.error : "", jobId: checked.jobId };
    const row = await tx.statusReport.create({ data: { ...kept, jobId: refusal.jobId, outcome: "refused", refusalReason: refusal.reason }, select: { id: true } });
    return { reportId: row.id, outcome: "refused", isDuplicate: false, refusal: refusal.refusal, targetStatus: null, message: `Refused, and kept as report ${row.id}: ${refusal.reason}.` };
  }
  if (reading.kind === "held") {
    const row = await tx.statusReport.create({ data: { ...kept, jobId: checked.jobId, outcome: "held", heldUntil: reading.until }, select: { id: true } });
    return { reportId: row.id, outcome: "held", isDuplicate: false, refusal: null, targetStatus: null, message: `Held as report ${row.id}: stamped ${reading.until}, later than the site's clock (${now}); it is processed then, as the Despooler did (Q172899).` };
  }
  const row = await tx.statusReport.create({ data: { ...kept, jobId: checked.jobId, ...appliedColumns(reading) }, select: { id: true } });
  await applyToTarget(tx, { reportId: row.id, jobId: checked.jobId, smsId: report.smsId, now }, reading);
  return { reportId: row.id, outcome: "applied", isDuplicate: false, refusal: null, targetStatus: reading.status, message: `Report ${row.id} applied: ${checked.machineName} is ${reading.status === "COMPLETE" ? "Complete" : "Retrying"}${reading.warning ? ` (${reading.warning})` : ""}.` };
}

function appliedColumns(reading: Extract<StatusReportReading, { kind: "applied" }>) {
  return { outcome: "applied", heldUntil: null, installStatus: reading.installStatus, description: reading.description, parseError: reading.parseError };
}

/** Sets the target's status, and completes an Active job whose every target is now Complete. */
async function applyToTarget(tx: Transaction, report: { reportId: number; jobId: string; smsId: string; now: string }, reading: Extract<StatusReportReading, { kind: "applied" }>): Promise<void> {
  const { jobId, smsId } = report;
  const values = { status: reading.status, description: reading.description, warning: reading.warning, reportId: report.reportId, reportedAt: report.now };
  await tx.targetStatus.upsert({ where: { jobId_smsId: { jobId, smsId } }, create: { jobId, smsId, ...values }, update: values });
  if (reading.status !== "COMPLETE") return;
  const job = await tx.job.findUnique({ where: { jobId }, select: { state: true, version: true } });
  if (job?.state !== "ACTIVE") return;
  // One target not yet Complete is enough to stop: no count of every target on each report (Q140389's flood).
  const unfinished = await tx.jobTarget.findFirst({ where: { jobId, NOT: { status: { is: { status: "COMPLETE" } } } }, select: { smsId: true } });
  if (unfinished) return;
  const total = await tx.jobTarget.count({ where: { jobId } });
  const changed = await tx.job.updateMany({ where: { jobId, state: "ACTIVE" }, data: { state: "COMPLETE", version: { increment: 1 } } });
  if (changed.count === 0) return;
  const note = `Every target (${total}) reported Complete`;
  await tx.jobTransition.create({ data: { jobId, fromState: "ACTIVE", toState: "COMPLETE", actor: DESPOOLER_ACTOR, note } });
  await recordAudit(tx, { actor: null, claimedName: DESPOOLER_ACTOR, action: "job.complete", objectType: "job", objectId: jobId, before: job, after: { state: "COMPLETE", version: job.version + 1 }, detail: note });
}

/**
 * Applies held reports whose stamp the site's clock has reached (Q172899: "won't be processed till
 * <time>"). Run before each intake and each Job Status read, so no timer is needed.
 */
export async function releaseDueStatusReports(options: { now: string; jobId?: string }): Promise<number> {
  const due = await db.statusReport.findMany({
    where: { outcome: "held", heldUntil: { lte: options.now }, ...(options.jobId ? { jobId: options.jobId } : {}) },
    select: { id: true, smsId: true, jobId: true, rawText: true },
    orderBy: { id: "asc" },
    take: 500,
  });
  for (const report of due) {
    await db.$transaction(async (tx) => {
      const reading = readStatusReport({ text: report.rawText, reportedAt: null, now: options.now });
      if (reading.kind !== "applied" || !report.jobId) return;
      const job = await tx.job.findUnique({ where: { jobId: report.jobId }, select: { state: true } });
      if (job?.state === "CANCELED") {
        await tx.statusReport.updateMany({ where: { id: report.id, outcome: "held" }, data: { outcome: "refused", refusalReason: `Job ${report.jobId} was canceled before the report's time came` } });
        return;
      }
      const claimed = await tx.statusReport.updateMany({ where: { id: report.id, outcome: "held" }, data: appliedColumns(reading) });
      if (claimed.count === 1) await applyToTarget(tx, { reportId: report.id, jobId: report.jobId, smsId: report.smsId, now: options.now }, reading);
    });
  }
  return due.length;
}

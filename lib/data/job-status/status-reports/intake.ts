import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../../../db";
import { asDomainError, DomainError } from "../../../errors";
import { ACCESS_TOKEN_HEADER, hashAccessToken, isAccessTokenValid } from "../../../instruction-box/access-token";
import { creatingSiteOf } from "../../../sms-id";
import { statusReportInputSchema, type StatusReport, type StatusReportInput } from "../../../job-status/schema";
import { recordRepeatedAuditEvent, type AuditEntry } from "../../audit/audit";
import { modeOf } from "../../instruction-box/instruction-box-access";
import { authorize } from "../../accounts/session";
import { readKeptReportsOneByOneOnFailure, type KeptReport, type StatusIntakeResult } from "./reading";

// Status intake, step 1: a report is checked, queued, and kept as received in a group commit
// (decision 013); reading.ts then reads what was kept.

/** How a report arrived: a client's POST to DESPOOLR.BOX, or an operator's upload or import. */
export type StatusReportVia =
  | { source: "despoolr.box"; presentedToken: string | null; address: string | null }
  | { source: "upload" | "import"; receivedFrom: string };

function contentHashOf(report: StatusReport): string {
  return createHash("sha256").update([report.smsId, report.jobReference, report.reportedAt ?? "", report.text].join("\u0000")).digest("hex");
}

interface SiteAccess {
  code: string;
  instructionBoxAccess: string;
  instructionBoxTokenHash: string | null;
}

/** What decides whether clients may file reports: their sites, the sites that created unknown ones, and the sites whose tokens they gave. */
interface ClientAccess {
  siteOfComputer: Map<string, SiteAccess>;
  site: Map<string, SiteAccess>;
  siteOfTokenHash: Map<string, SiteAccess>;
}

/**
 * One query for a whole batch of clients' posts (a query per post cost more than keeping it): each
 * client's site, or for an SMS ID not in inventory the site that created it (siteOfClient's rule),
 * and the sites owning the tokens given.
 */
async function readClientAccess(submissions: Submission[]): Promise<ClientAccess> {
  const smsIds = [...new Set(submissions.map(({ report }) => report.smsId))];
  const creatingSites = [...new Set(smsIds.map(creatingSiteOf))];
  const tokenHashes = [...new Set(submissions.flatMap(({ via }) => (via.source === "despoolr.box" && via.presentedToken ? [hashAccessToken(via.presentedToken)] : [])))];
  const rows = await db.$queryRaw<(SiteAccess & { smsId: string | null })[]>`
    SELECT c."smsId" AS "smsId", s."code" AS "code", s."instructionBoxAccess" AS "instructionBoxAccess", s."instructionBoxTokenHash" AS "instructionBoxTokenHash"
      FROM "Computer" c
      JOIN "Site" s ON s."code" = c."siteCode"
     WHERE c."smsId" IN (${Prisma.join(smsIds)})
    UNION ALL
    SELECT NULL, s."code", s."instructionBoxAccess", s."instructionBoxTokenHash"
      FROM "Site" s
     WHERE s."code" IN (${Prisma.join(creatingSites)}) OR s."instructionBoxTokenHash" IN (${tokenHashes.length > 0 ? Prisma.join(tokenHashes) : null})`;
  const access: ClientAccess = { siteOfComputer: new Map(), site: new Map(), siteOfTokenHash: new Map() };
  for (const { smsId, ...site } of rows) {
    if (smsId !== null) access.siteOfComputer.set(smsId, site);
    else {
      access.site.set(site.code, site);
      if (site.instructionBoxTokenHash !== null) access.siteOfTokenHash.set(site.instructionBoxTokenHash, site);
    }
  }
  return access;
}

/**
 * Why a client may not file this report, or null. A client has no session: like PCMINS.BOX, the
 * client's site is open or wants its token (Q189809); a token of another site is refused, since a
 * logon server's DESPOOLR.BOX serves its own site. (An upload or import is checked before it is
 * queued: the operator's session decides.)
 */
type Refusal = { code: "unauthenticated" | "forbidden"; message: string };

function refusalOf(report: StatusReport, presentedToken: string | null, access: ClientAccess): Refusal | null {
  const site = access.siteOfComputer.get(report.smsId) ?? access.site.get(creatingSiteOf(report.smsId)) ?? null;
  if (presentedToken) {
    const owner = access.siteOfTokenHash.get(hashAccessToken(presentedToken));
    if (owner && owner.code !== site?.code) return { code: "forbidden", message: `The token given is site ${owner.code}'s; ${report.smsId} is not a client of site ${owner.code}.` };
  }
  if (site && modeOf(site.instructionBoxAccess) === "token" && !isAccessTokenValid(presentedToken, site.instructionBoxTokenHash)) {
    return { code: "unauthenticated", message: `Site ${site.code} requires its token, in the ${ACCESS_TOKEN_HEADER} header or the token query parameter${presentedToken ? "; the token given is not the site's" : ""}.` };
  }
  return null;
}

/**
 * Answers the clients' posts that may not be filed and returns the submissions that may. Refusals
 * are audited first, one write for the whole batch: anyone can post as often as they like (a site's
 * token rotated while thousands of clients still send the old one), so each address and refusal gets
 * one row per window with repeats counted on it (as for refused PCMINS.BOX fetches), and the queue
 * waits for one commit, not one per refused post.
 */
async function refuseUnauthorized(batch: Submission[]): Promise<Submission[]> {
  const posts = batch.filter(({ via }) => via.source === "despoolr.box");
  if (posts.length === 0) return batch;
  let access: ClientAccess;
  try {
    access = await readClientAccess(posts);
  } catch (error) {
    // The clients' check could not be read (a database fault): only the posts, which needed it, are
    // answered "not kept; send it again"; uploads and imports in the batch go on.
    for (const submission of posts) submission.reject(notKept(error));
    return batch.filter(({ via }) => via.source !== "despoolr.box");
  }
  const admitted: Submission[] = [];
  const refused: { submission: Submission; refusal: Refusal; address: string | null }[] = [];
  for (const submission of batch) {
    const { report, via } = submission;
    const refusal = via.source === "despoolr.box" ? refusalOf(report, via.presentedToken, access) : null;
    if (refusal) refused.push({ submission, refusal, address: via.source === "despoolr.box" ? via.address : null });
    else admitted.push(submission);
  }
  if (refused.length === 0) return admitted;
  const events = new Map<string, AuditEntry & { repeatKey: string; count: number }>();
  for (const { submission, refusal, address } of refused) {
    const repeatKey = `status-report.receive refused ${refusal.code} ${address ?? "unknown"}`;
    const event = events.get(repeatKey);
    if (event) event.count++;
    else events.set(repeatKey, { actor: null, address, action: "status-report.receive", outcome: "refused", objectType: "status-report", objectId: submission.report.smsId, detail: refusal.message, repeatKey, count: 1 });
  }
  try {
    await db.$transaction(async (tx) => {
      for (const { count, ...event } of events.values()) await recordRepeatedAuditEvent(tx, event, new Date(), count);
    });
    for (const { submission, refusal } of refused) submission.reject(new DomainError(refusal.code, refusal.message));
  } catch (error) {
    for (const { submission } of refused) submission.reject(error);
  }
  return admitted;
}

/** At most this many reports are kept in one commit: 50 connections' worth and more, one short transaction. */
export const MAX_REPORTS_PER_COMMIT = 250;

interface Submission {
  report: StatusReport;
  contentHash: string;
  via: StatusReportVia;
  now: string;
  resolve: (result: StatusIntakeResult) => void;
  reject: (error: unknown) => void;
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
  // An operator's upload or import: the session decides, now. A client's post is checked with the
  // others of its batch, in one query, before any of them is kept (admitted).
  if (options.via.source !== "despoolr.box") await authorize("jobs:write", { type: "status-report", id: report.smsId });
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
          await fileBatch(await refuseUnauthorized(batch));
        } catch (error) {
          // A bug: no caller may wait forever. A submission already answered ignores this.
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
  if (batch.length === 0) return;
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

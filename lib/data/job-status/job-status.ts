import "server-only";
import { db } from "../../db";
import { summariseJobStatus, type JobStatusSummary, type TargetCounts } from "../../job-status/job-status-summary";
import { failedInstallEventText, TARGET_STATUSES, type TargetStatusValue } from "../../job-status/target-status";
import { isServerJobType, type JobType } from "../../jobs/schema";
import { planServerJobTargets, type ServerJobServer, type ServerJobTargetRow } from "../../jobs/server-job-targets";
import { packageDirectoryOf } from "../../jobs/servers";
import { simulateClients } from "../../simulation/simulate-client";
import { simulationInputsForJob } from "../../simulation/simulation-inputs-for-job";
import { currentWallClock } from "../../wall-clock";
import { resolveServerTargets } from "../jobs/job-lifecycle";
import { asJobState, jobInputOf } from "../jobs/job-mapping";
import { readReportsOverTime, readTargetCountsBySite, readTargetsWithoutReport } from "./job-status-counts";
import { pageWindow, toPage, type Page } from "../console/records";
import { buildReviewContext } from "../review/review-context";
import { authorize } from "../accounts/session";
import { releaseDueStatusReports } from "./status-reports/passes";

export interface SiteStatus {
  siteCode: string;
  siteName: string;
  /** When the job's instructions reached the site: the console sends at activation. */
  siteArrival: string | null;
  distributionServers: { serverName: string; path: string }[];
  counts: TargetCounts;
  /** The site's Completion record: Complete once every target there is Complete. */
  completion: "Complete" | "Working" | "None";
}

export interface JobStatusOverview {
  jobId: string;
  state: string;
  requestId: string | null;
  sentAt: string | null;
  summary: JobStatusSummary;
  counts: TargetCounts;
  targetCount: number;
  /** Reports received per hour (console time, "YYYY-MM-DDTHH"), oldest first. */
  reportsOverTime: { hour: string; applied: number; refused: number; held: number }[];
  reportCounts: { applied: number; refused: number; held: number };
  sites: SiteStatus[];
  /** Reports kept but not applied: refused ones with their reason, and held ones (clock skew). */
  notApplied: StatusReportRow[];
}

export interface StatusReportRow {
  reportId: number;
  receivedAt: string;
  smsId: string;
  outcome: string;
  reason: string;
}

export interface TargetStatusRow {
  smsId: string;
  name: string;
  siteCode: string;
  status: TargetStatusValue;
  reportedAt: string | null;
  description: string;
  warning: string | null;
  reportId: number | null;
  /** Event 374's text for a Retrying target (Q166833). */
  eventText: string | null;
}

const totalOf = (counts: TargetCounts) => counts.NONE + counts.COMPLETE + counts.RETRYING;

/**
 * SMS's Job Status for one job (digest §2.5): counts by status, the job's Sending / Working / Cancel
 * status, reports over time, and one section per site as Job Status Details showed them. Counts and
 * the chart are grouped by the database (job-status-counts.ts): a few dozen rows, whatever the job's size.
 */
export async function getJobStatus(options: { jobId: string; now?: string }): Promise<JobStatusOverview | null> {
  await authorize("console:read");
  const now = options.now ?? currentWallClock();
  const job = await db.job.findUnique({ where: { jobId: options.jobId }, select: { jobId: true, state: true, requestId: true, transitions: { where: { toState: "ACTIVE" }, select: { at: true }, take: 1 } } });
  if (!job) return null;
  await releaseDueStatusReports({ now, jobId: job.jobId });
  const sentAt = job.transitions[0] ? currentWallClock(job.transitions[0].at) : null;
  const [countsBySite, reportsOverTime, notApplied, servers, siteRows] = await Promise.all([
    readTargetCountsBySite(job.jobId),
    readReportsOverTime(job.jobId),
    db.statusReport.findMany({ where: { jobId: job.jobId, outcome: { in: ["refused", "held"] } }, orderBy: { id: "desc" }, take: 50, select: { id: true, receivedAt: true, smsId: true, outcome: true, refusalReason: true, heldUntil: true } }),
    db.jobServer.findMany({ where: { jobId: job.jobId }, orderBy: { position: "asc" }, select: { serverName: true, path: true } }),
    db.site.findMany({ select: { code: true, name: true } }),
  ]);
  const serverSites = new Map((await db.server.findMany({ where: { name: { in: servers.map((server) => server.serverName) } }, select: { name: true, siteCode: true } })).map((server) => [server.name, server.siteCode]));
  const siteNames = new Map(siteRows.map((site) => [site.code, site.name]));
  const counts: TargetCounts = { NONE: 0, COMPLETE: 0, RETRYING: 0 };
  const sites: SiteStatus[] = [];
  for (const [siteCode, siteCounts] of countsBySite) {
    for (const status of TARGET_STATUSES) counts[status] += siteCounts[status];
    const total = totalOf(siteCounts);
    sites.push({
      siteCode,
      siteName: siteNames.get(siteCode) ?? siteCode,
      siteArrival: sentAt,
      distributionServers: servers.filter((server) => serverSites.get(server.serverName) === siteCode),
      counts: siteCounts,
      completion: total > 0 && siteCounts.COMPLETE === total ? "Complete" : siteCounts.COMPLETE + siteCounts.RETRYING > 0 ? "Working" : "None",
    });
  }
  const reportCounts = { applied: 0, refused: 0, held: 0 };
  for (const bucket of reportsOverTime) for (const outcome of ["applied", "refused", "held"] as const) reportCounts[outcome] += bucket[outcome];
  return {
    jobId: job.jobId,
    state: job.state,
    requestId: job.requestId,
    sentAt,
    summary: summariseJobStatus(job.state, counts),
    counts,
    targetCount: totalOf(counts),
    reportsOverTime,
    reportCounts,
    sites,
    notApplied: notApplied.map((report) => ({
      reportId: report.id,
      receivedAt: currentWallClock(report.receivedAt),
      smsId: report.smsId,
      outcome: report.outcome,
      reason: report.outcome === "held" ? `Clock skew: stamped ${report.heldUntil}, later than the site's clock; held until then (Q172899)` : (report.refusalReason ?? ""),
    })),
  };
}

export interface TargetStatusQuery {
  jobId: string;
  page: number;
  pageSize?: number;
  /** SMS ID or machine name, a prefix. */
  search?: string;
  status?: TargetStatusValue;
}

/** No SMS ID or machine name holds one, and PostgreSQL cannot even compare a NUL. */
const CONTROL_CHARACTER = /[\x00-\x1f\x7f]/;

function targetWhere(query: TargetStatusQuery) {
  const search = query.search?.trim();
  const status = query.status === "NONE" ? { status: { is: null } } : query.status ? { status: { is: { status: query.status } } } : {};
  // A search with a control character matches nothing (found by the route fuzz pass: a NUL was a 500 on PostgreSQL).
  const matching = !search ? {} : CONTROL_CHARACTER.test(search) ? { smsId: { in: [] } } : { OR: [{ smsId: { startsWith: search.toUpperCase() } }, { computer: { name: { startsWith: search.toUpperCase() } } }] };
  return { jobId: query.jobId, ...status, ...matching };
}

const targetSelect = {
  smsId: true,
  computer: { select: { name: true, siteCode: true, ntDomain: true } },
  status: { select: { status: true, description: true, warning: true, reportId: true, reportedAt: true } },
} as const;

type TargetRow = { smsId: string; computer: { name: string; siteCode: string; ntDomain: string | null }; status: { status: string; description: string; warning: string | null; reportId: number; reportedAt: string } | null };

function toTargetStatusRow(row: TargetRow): TargetStatusRow {
  const status = (TARGET_STATUSES as readonly string[]).includes(row.status?.status ?? "") ? (row.status!.status as TargetStatusValue) : "NONE";
  return {
    smsId: row.smsId,
    name: row.computer.name,
    siteCode: row.computer.siteCode,
    status,
    reportedAt: row.status?.reportedAt ?? null,
    description: row.status?.description ?? "",
    warning: row.status?.warning ?? null,
    reportId: row.status?.reportId ?? null,
    eventText: status === "RETRYING" ? failedInstallEventText({ machineName: row.computer.name, domain: row.computer.ntDomain ?? row.computer.siteCode, description: row.status?.description ?? "" }) : null,
  };
}

/** One page of the per-machine table: status, when, description, with search and a status filter. */
export async function listTargetStatuses(query: TargetStatusQuery): Promise<Page<TargetStatusRow>> {
  await authorize("console:read");
  const where = targetWhere(query);
  const [rows, total] = await Promise.all([
    db.jobTarget.findMany({ where, orderBy: { smsId: "asc" }, ...pageWindow(query.page, query.pageSize), select: targetSelect }),
    db.jobTarget.count({ where }),
  ]);
  return toPage(rows.map(toTargetStatusRow), total, query.page, query.pageSize);
}

/**
 * Every row the filter matches, for the CSV export and the CLI, read in pages of 1,000. Authorized
 * here, before the rows are streamed: a response body is read after the request's context is gone.
 */
export async function openTargetStatusExport(query: Omit<TargetStatusQuery, "page" | "pageSize">): Promise<AsyncGenerator<TargetStatusRow>> {
  await authorize("console:read");
  return targetStatusRows(targetWhere({ ...query, page: 1 }));
}

async function* targetStatusRows(where: ReturnType<typeof targetWhere>): AsyncGenerator<TargetStatusRow> {
  let after: string | undefined;
  for (;;) {
    const rows = await db.jobTarget.findMany({ where: { ...where, ...(after ? { smsId: { gt: after } } : {}) }, orderBy: { smsId: "asc" }, take: 1000, select: targetSelect });
    for (const row of rows) yield toTargetStatusRow(row);
    if (rows.length < 1000) return;
    after = rows.at(-1)!.smsId;
  }
}

/** A report as received, for the raw-MIF view: any report of the job, applied or not. */
export async function getStatusReport(options: { jobId: string; reportId: number }) {
  await authorize("console:read");
  return db.statusReport.findFirst({
    where: { id: options.reportId, jobId: options.jobId },
    select: { id: true, receivedAt: true, source: true, receivedFrom: true, smsId: true, jobReference: true, rawText: true, reportedAt: true, outcome: true, refusalReason: true, heldUntil: true, installStatus: true, description: true, parseError: true },
  });
}

export interface TargetPrediction {
  smsId: string;
  /** The simulator's PCM runs the command by now. */
  shouldHaveRun: boolean;
  /** When it runs (or ran), on the site's wall clock; null when it never does in the window. */
  runsAt: string | null;
  /** Why it does not run (yet), with its KB article. */
  reason: string | null;
}

/**
 * What the simulator (lib/simulation) says each of these targets should have done between Send and
 * now: the Job Status page's "predicted" column and its overdue list. Pending, canceled and
 * hand-marked jobs get no prediction.
 */
export async function predictTargets(options: { jobId: string; smsIds: readonly string[]; now?: string }): Promise<Map<string, TargetPrediction>> {
  await authorize("console:read");
  const now = options.now ?? currentWallClock();
  const predictions = new Map<string, TargetPrediction>();
  if (options.smsIds.length === 0) return predictions;
  const job = await db.job.findUnique({ where: { jobId: options.jobId }, include: { transitions: { where: { toState: "ACTIVE" }, select: { at: true }, take: 1 } } });
  const sentAt = job?.transitions[0] ? currentWallClock(job.transitions[0].at) : null;
  if (!job || !sentAt || !job.requestId || (job.state !== "ACTIVE" && job.state !== "COMPLETE") || sentAt >= now) return predictions;
  const context = await buildReviewContext({ jobId: job.jobId, state: asJobState(job.state), definition: jobInputOf(job), now: sentAt, onlySmsIds: options.smsIds });
  if (!context) return predictions;
  const inputs = simulationInputsForJob({ ...context, job: { ...context.job, state: "ACTIVE" } }, { requestId: job.requestId, window: { from: sentAt, to: now } });
  for (const simulation of simulateClients(inputs)) {
    const { outcome } = simulation;
    const reason = outcome.reasons[0];
    predictions.set(simulation.smsId, {
      smsId: simulation.smsId,
      shouldHaveRun: outcome.runs && outcome.firstRunAt !== null && outcome.firstRunAt <= now,
      runsAt: outcome.firstRunAt,
      reason: outcome.runs ? null : reason ? `${reason.message} (${reason.rule ? `${reason.rule}, ` : ""}${reason.article})` : "PCM has not polled since the job was sent",
    });
  }
  return predictions;
}

/** At most this many targets without a report are simulated for the overdue list, so the page stays fast. */
export const OVERDUE_CHECK_LIMIT = 200;

/** Targets the simulator says should have run by now that have not reported: the overdue list. */
export async function listOverdueTargets(options: { jobId: string; now?: string }): Promise<{ overdue: (TargetStatusRow & TargetPrediction)[]; checked: number; withoutReport: number }> {
  await authorize("console:read");
  const { targets, total } = await readTargetsWithoutReport(options.jobId, OVERDUE_CHECK_LIMIT);
  const predictions = await predictTargets({ jobId: options.jobId, smsIds: targets.map((target) => target.smsId), now: options.now });
  const overdue = targets.flatMap(({ smsId, name, siteCode, ntDomain }) => {
    const prediction = predictions.get(smsId);
    return prediction?.shouldHaveRun ? [{ ...toTargetStatusRow({ smsId, computer: { name, siteCode, ntDomain }, status: null }), ...prediction }] : [];
  });
  return { overdue, checked: targets.length, withoutReport: total };
}

export interface ServerJobTargets {
  jobType: Exclude<JobType, "RUN_COMMAND_ON_WORKSTATION">;
  /** "frozen": the servers Send froze; "now": what the target resolves to now (Pending); "never sent": none. */
  source: "frozen" | "now" | "never sent";
  rows: ServerJobTargetRow[];
}

/**
 * A Share or Remove job's servers and what its phases do on each; null for a workstation job.
 * Such jobs have no workstation targets, so the Job Status and simulation pages show these instead.
 */
export async function listServerJobTargets(options: { jobId: string }): Promise<ServerJobTargets | null> {
  await authorize("console:read");
  const job = await db.job.findUnique({ where: { jobId: options.jobId }, include: { package: { select: { shareName: true, shareAccess: true } }, servers: { orderBy: { position: "asc" } } } });
  if (!job) return null;
  const definition = jobInputOf(job);
  if (!isServerJobType(definition.jobType)) return null;
  const jobType = definition.jobType as ServerJobTargets["jobType"];
  let source: ServerJobTargets["source"];
  let servers: ServerJobServer[];
  if (job.requestId !== null) {
    source = "frozen";
    const sites = new Map((await db.server.findMany({ where: { name: { in: job.servers.map((server) => server.serverName) } }, select: { name: true, siteCode: true } })).map((server) => [server.name, server.siteCode]));
    servers = job.servers.map((server) => ({ serverName: server.serverName, siteCode: sites.get(server.serverName) ?? null, packageDirectory: server.path }));
  } else if (asJobState(job.state) === "PENDING") {
    source = "now";
    servers = (await resolveServerTargets(db, definition)).map((server) => ({ serverName: server.name, siteCode: server.siteCode, packageDirectory: packageDirectoryOf(server, job.packageId) }));
  } else {
    source = "never sent";
    servers = [];
  }
  const sharing = job.package.shareName ? { shareName: job.package.shareName, access: job.package.shareAccess } : null;
  return { jobType, source, rows: planServerJobTargets({ jobType, isSendPhase: definition.sendPhase.isEnabled, evenIfPreviouslySent: definition.sendPhase.evenIfPreviouslySent, sharing }, servers) };
}

import "server-only";
import { db } from "../db";
import { summariseJobStatus, type JobStatusSummary, type TargetCounts } from "../job-status/job-status-summary";
import { failedInstallEventText, TARGET_STATUSES, type TargetStatusValue } from "../job-status/target-status";
import { currentWallClock } from "../wall-clock";
import { pageWindow, toPage, type Page } from "./records";
import { authorize } from "./session";
import { releaseDueStatusReports } from "./status-reports";

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

const emptyCounts = (): TargetCounts => ({ NONE: 0, COMPLETE: 0, RETRYING: 0 });

async function countsOf(jobId: string, siteCode?: string): Promise<TargetCounts> {
  const onSite = siteCode ? { computer: { siteCode } } : {};
  const [total, grouped] = await Promise.all([
    db.jobTarget.count({ where: { jobId, ...onSite } }),
    db.targetStatus.groupBy({ by: ["status"], where: { jobId, ...(siteCode ? { target: { computer: { siteCode } } } : {}) }, _count: { _all: true } }),
  ]);
  const counts = emptyCounts();
  for (const row of grouped) if (row.status === "COMPLETE" || row.status === "RETRYING") counts[row.status] = row._count._all;
  counts.NONE = total - counts.COMPLETE - counts.RETRYING;
  return counts;
}

/**
 * SMS's Job Status for one job (digest §2.5): counts by status, the job's Sending / Working / Cancel
 * status, reports over time, and one section per site as Job Status Details showed them.
 */
export async function getJobStatus(options: { jobId: string; now?: string }): Promise<JobStatusOverview | null> {
  await authorize("console:read");
  const now = options.now ?? currentWallClock();
  const job = await db.job.findUnique({ where: { jobId: options.jobId }, select: { jobId: true, state: true, requestId: true, transitions: { where: { toState: "ACTIVE" }, select: { at: true }, take: 1 } } });
  if (!job) return null;
  await releaseDueStatusReports({ now, jobId: job.jobId });
  const sentAt = job.transitions[0] ? currentWallClock(job.transitions[0].at) : null;
  const [counts, reports, notApplied, targetSites, servers] = await Promise.all([
    countsOf(job.jobId),
    db.statusReport.findMany({ where: { jobId: job.jobId }, select: { receivedAt: true, outcome: true } }),
    db.statusReport.findMany({ where: { jobId: job.jobId, outcome: { in: ["refused", "held"] } }, orderBy: { id: "desc" }, take: 50, select: { id: true, receivedAt: true, smsId: true, outcome: true, refusalReason: true, heldUntil: true } }),
    db.computer.groupBy({ by: ["siteCode"], where: { jobTargets: { some: { jobId: job.jobId } } }, orderBy: { siteCode: "asc" } }),
    db.jobServer.findMany({ where: { jobId: job.jobId }, orderBy: { position: "asc" }, select: { serverName: true, path: true } }),
  ]);
  const serverSites = new Map((await db.server.findMany({ where: { name: { in: servers.map((server) => server.serverName) } }, select: { name: true, siteCode: true } })).map((server) => [server.name, server.siteCode]));
  const siteNames = new Map((await db.site.findMany({ select: { code: true, name: true } })).map((site) => [site.code, site.name]));
  const sites: SiteStatus[] = [];
  for (const { siteCode } of targetSites) {
    const siteCounts = await countsOf(job.jobId, siteCode);
    const total = siteCounts.NONE + siteCounts.COMPLETE + siteCounts.RETRYING;
    sites.push({
      siteCode,
      siteName: siteNames.get(siteCode) ?? siteCode,
      siteArrival: sentAt,
      distributionServers: servers.filter((server) => serverSites.get(server.serverName) === siteCode),
      counts: siteCounts,
      completion: total > 0 && siteCounts.COMPLETE === total ? "Complete" : siteCounts.COMPLETE + siteCounts.RETRYING > 0 ? "Working" : "None",
    });
  }
  const hours = new Map<string, { hour: string; applied: number; refused: number; held: number }>();
  const reportCounts = { applied: 0, refused: 0, held: 0 };
  for (const report of reports) {
    const hour = currentWallClock(report.receivedAt).slice(0, 13);
    const bucket = hours.get(hour) ?? { hour, applied: 0, refused: 0, held: 0 };
    const outcome = report.outcome === "refused" || report.outcome === "held" ? report.outcome : "applied";
    bucket[outcome] += 1;
    reportCounts[outcome] += 1;
    hours.set(hour, bucket);
  }
  return {
    jobId: job.jobId,
    state: job.state,
    requestId: job.requestId,
    sentAt,
    summary: summariseJobStatus(job.state, counts),
    counts,
    targetCount: counts.NONE + counts.COMPLETE + counts.RETRYING,
    reportsOverTime: [...hours.values()].sort((a, b) => a.hour.localeCompare(b.hour)),
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

function targetWhere(query: TargetStatusQuery) {
  const search = query.search?.trim();
  const status = query.status === "NONE" ? { status: { is: null } } : query.status ? { status: { is: { status: query.status } } } : {};
  return {
    jobId: query.jobId,
    ...status,
    ...(search ? { OR: [{ smsId: { startsWith: search.toUpperCase() } }, { computer: { name: { startsWith: search.toUpperCase() } } }] } : {}),
  };
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

/** Every row the filter matches, for the CSV export, read in pages so memory stays bounded per query. */
export async function* allTargetStatuses(query: Omit<TargetStatusQuery, "page" | "pageSize">): AsyncGenerator<TargetStatusRow> {
  await authorize("console:read");
  const where = targetWhere({ ...query, page: 1 });
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

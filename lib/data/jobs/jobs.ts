import "server-only";
import { describeQuery } from "../../queries/evaluate";
import { parseStoredConditions } from "../inventory/queries";
import { cache } from "react";
import { db } from "../../db";
import type { Prisma } from "@/generated/prisma/client";
import { effectiveJobState } from "../../jobs/lifecycle";
import type { JobInput, JobPriority, JobState, JobType } from "../../jobs/schema";
import { currentWallClock } from "../../wall-clock";
import { asJobState, jobInputOf } from "./job-mapping";
import { pageWindow, toPage, type Page } from "../console/records";
import { authorize } from "../accounts/session";
import { resolveTargets } from "../../jobs/targets";
import { loadTargetInventory } from "../review/target-inventory";

export interface JobSummary {
  jobId: string;
  jobType: JobType;
  packageId: string;
  packageName: string;
  commandName: string | null;
  state: JobState | "EXPIRED";
  priority: JobPriority;
  offerAfter: string | null;
  mandatoryAfter: string | null;
  expireAfter: string | null;
  targetCount: number;
  /** A Pending workstation job: how many computers its target reaches if sent now (lists only). */
  estimatedTargetCount?: number;
}

export interface JobTransitionDto {
  fromState: string | null;
  toState: string;
  actor: string;
  at: string;
  note: string;
}

export interface JobDetail extends JobSummary {
  siteCode: string;
  comment: string;
  requestId: string | null;
  storedState: JobState;
  definition: JobInput;
  machineGroupName: string | null;
  /** A QUERY target's saved query and its conditions in words; null for every computer in inventory. */
  query: { id: number; name: string; description: string } | null;
  serverGroupName: string | null;
  servers: { serverName: string; path: string; serverType: number; zone: string }[];
  transitions: JobTransitionDto[];
  /** Why the scheduler could not send the job at its activation time; null when nothing held it. */
  activationProblem: string | null;
  /** The job whose activation created this one, for an occurrence of a repeated job. */
  repeatOfJobId: string | null;
  version: number;
}

const summarySelect = {
  jobId: true,
  jobType: true,
  packageId: true,
  state: true,
  priority: true,
  offerAfter: true,
  isMandatory: true,
  mandatoryAfter: true,
  isExpiring: true,
  expireAfter: true,
  package: { select: { name: true } },
  commandLine: { select: { commandName: true } },
  _count: { select: { targets: true } },
} as const;

type SummaryRow = {
  jobId: string;
  jobType: string;
  packageId: string;
  state: string;
  priority: string;
  offerAfter: string | null;
  isMandatory: boolean;
  mandatoryAfter: string | null;
  isExpiring: boolean;
  expireAfter: string | null;
  package: { name: string };
  commandLine: { commandName: string } | null;
  _count: { targets: number };
};

function toSummary(row: SummaryRow, now: string): JobSummary {
  return {
    jobId: row.jobId,
    jobType: row.jobType as JobType,
    packageId: row.packageId,
    packageName: row.package.name,
    commandName: row.commandLine?.commandName ?? null,
    state: effectiveJobState({ state: asJobState(row.state), isExpiring: row.isExpiring, expireAfter: row.expireAfter }, now),
    priority: row.priority as JobPriority,
    offerAfter: row.offerAfter,
    mandatoryAfter: row.isMandatory ? row.mandatoryAfter : null,
    expireAfter: row.isExpiring ? row.expireAfter : null,
    targetCount: row._count.targets,
  };
}

/** The jobs list's filters; every one is optional, and they combine. */
export interface JobListFilters {
  /** A stored state, or EXPIRED: Active with its Expire After passed. */
  state?: JobState | "EXPIRED";
  packageId?: string;
  siteCode?: string;
  /** Part of a job ID, a package name or a job comment. */
  search?: string;
}

/** The database filter for the jobs list; Expired is Active with its Expire After passed (no stored state). */
function jobListWhere(filters: JobListFilters, now: string): Prisma.JobWhereInput {
  const expired = { state: "ACTIVE", isExpiring: true, expireAfter: { lte: now } };
  const search = filters.search?.trim().slice(0, 100);
  return {
    AND: [
      filters.state === "EXPIRED" ? expired : filters.state === "ACTIVE" ? { state: "ACTIVE", OR: [{ isExpiring: false }, { expireAfter: null }, { expireAfter: { gt: now } }] } : filters.state ? { state: filters.state } : {},
      filters.packageId ? { packageId: filters.packageId } : {},
      filters.siteCode ? { siteCode: filters.siteCode } : {},
      search ? { OR: [{ jobId: { contains: search.toUpperCase() } }, { package: { name: { contains: search } } }, { comment: { contains: search } }] } : {},
    ],
  };
}

export async function listJobs(options: JobListFilters & { page: number }): Promise<Page<JobSummary>> {
  await authorize("console:read");
  const now = currentWallClock();
  const where = jobListWhere(options, now);
  const [rows, total] = await Promise.all([
    db.job.findMany({ where, orderBy: { jobId: "desc" }, ...pageWindow(options.page), select: summarySelect }),
    db.job.count({ where }),
  ]);
  const estimates = await estimateTargetCounts(rows.filter((row) => row.state === "PENDING" && row.jobType === "RUN_COMMAND_ON_WORKSTATION").map((row) => row.jobId));
  return toPage(
    rows.map((row) => ({ ...toSummary(row, now), estimatedTargetCount: estimates.get(row.jobId) })),
    total,
    options.page,
  );
}

/** "Will reach about N computers": Pending jobs' targets resolved against today's inventory, read once per page. */
async function estimateTargetCounts(jobIds: string[]): Promise<Map<string, number>> {
  if (jobIds.length === 0) return new Map();
  const [jobs, inventory] = await Promise.all([db.job.findMany({ where: { jobId: { in: jobIds } } }), loadTargetInventory(db)]);
  return new Map(jobs.map((job) => [job.jobId, resolveTargets(jobInputOf(job).target, inventory).smsIds.length]));
}

export const getJob = cache(async (jobId: string): Promise<JobDetail | null> => {
  await authorize("console:read");
  const row = await db.job.findUnique({
    where: { jobId },
    include: {
      package: { select: { name: true } },
      commandLine: { select: { commandName: true } },
      targetMachineGroup: { select: { name: true } },
      targetQuery: { select: { id: true, name: true, conditions: true } },
      serverGroup: { select: { name: true } },
      servers: { orderBy: { position: "asc" } },
      transitions: { orderBy: { id: "asc" } },
      _count: { select: { targets: true } },
    },
  });
  if (!row) return null;
  const now = currentWallClock();
  return {
    ...toSummary(row, now),
    siteCode: row.siteCode,
    comment: row.comment,
    requestId: row.requestId,
    storedState: asJobState(row.state),
    definition: jobInputOf(row),
    machineGroupName: row.targetMachineGroup?.name ?? null,
    query: row.targetQuery ? { id: row.targetQuery.id, name: row.targetQuery.name, description: describeQuery({ conditions: parseStoredConditions(row.targetQuery.conditions) }) } : null,
    serverGroupName: row.serverGroup?.name ?? null,
    servers: row.servers.map(({ serverName, path, serverType, zone }) => ({ serverName, path, serverType, zone })),
    transitions: row.transitions.map((transition) => ({ ...transition, at: transition.at.toISOString() })),
    activationProblem: row.activationProblem,
    repeatOfJobId: row.repeatOfJobId,
    version: row.version,
  };
});

/** The frozen target list of a sent job, a page at a time. */
export async function listJobTargets(options: { jobId: string; page: number; pageSize?: number }) {
  await authorize("console:read");
  const where = { jobId: options.jobId };
  const [rows, total] = await Promise.all([
    db.jobTarget.findMany({
      where,
      orderBy: { smsId: "asc" },
      ...pageWindow(options.page, options.pageSize),
      select: { computer: { select: { smsId: true, name: true, siteCode: true, platform: true, pcmVariant: true } } },
    }),
    db.jobTarget.count({ where }),
  ]);
  return toPage(
    rows.map((row) => row.computer),
    total,
    options.page,
    options.pageSize,
  );
}

/** Choices for the job form: packages with their command lines, machine groups, sites. */
export async function loadJobFormChoices() {
  await authorize("console:read");
  const [packages, machineGroups, sites, queries] = await Promise.all([
    db.package.findMany({ orderBy: { packageId: "asc" }, select: { packageId: true, name: true, siteCode: true, commandLines: { select: { id: true, commandName: true }, orderBy: { position: "asc" } } } }),
    db.machineGroup.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, query: { select: { name: true } }, _count: { select: { members: true, servers: true } } } }),
    db.site.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } }),
    db.inventoryQuery.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, conditions: true } }),
  ]);
  return {
    packages,
    // A dynamic group's members are its query's result: it names the query instead of a count.
    machineGroups: machineGroups.map(({ _count, query, ...group }) => ({ ...group, queryName: query?.name ?? null, memberCount: _count.members, serverCount: _count.servers })),
    sites,
    queries: queries.map(({ conditions, ...query }) => ({ ...query, description: describeQuery({ conditions: parseStoredConditions(conditions) }) })),
  };
}
export type JobFormChoices = Awaited<ReturnType<typeof loadJobFormChoices>>;

import "server-only";
import { db } from "../../db";
import { isServerJobType, type JobInput, type JobState } from "../../jobs/schema";
import { parsePlatformList } from "../../platforms";
import type { ReviewCommandLine, ReviewComputer, ReviewContext, ReviewOtherJob, ReviewPackage, ReviewServer, ReviewSite } from "../../rules/context";
import type { FileSystem } from "../../servers/schema";
import type { SmsVersion } from "../../sites/schema";
import { normaliseWallClock } from "../../wall-clock";
import { resolveDistributionServers, resolveServerTargets } from "../jobs/job-lifecycle";
import { inSmsIdOrder, LISTED_READ_LIMIT, readPendingTargets, readReviewComputerBatches, readSentTargets, reviewComputerSelect, toReviewComputer } from "./review-targets";
import { authorize } from "../accounts/session";

const MEGABYTE = 1024 * 1024;
const list = (value: string | null) => (value === null ? null : value.split(",").map((item) => item.trim()).filter(Boolean));

type SiteRow = Awaited<ReturnType<typeof db.site.findMany>>[number];
type ServerRow = Awaited<ReturnType<typeof db.server.findMany>>[number];
function toReviewSite(site: SiteRow): ReviewSite {
  const weekdays = list(site.businessDays)?.map(Number);
  return {
    code: site.code,
    name: site.name,
    parentCode: site.parentCode,
    smsVersion: site.smsVersion as SmsVersion,
    servicePack: site.servicePack,
    pcmPollingIntervalMinutes: site.pcmPollingIntervalMinutes,
    inventoryIntervalDays: site.inventoryIntervalDays,
    isPcmEnabled: site.isPcmEnabled,
    businessHours: weekdays && site.businessHoursStart && site.businessHoursEnd ? { isoWeekdays: weekdays, start: site.businessHoursStart, end: site.businessHoursEnd } : null,
    siteServerFreeDiskBytes: site.siteServerFreeDiskMegabytes === null ? null : site.siteServerFreeDiskMegabytes * MEGABYTE,
    utcOffsetMinutes: site.utcOffsetMinutes,
    isDaylightSavingAdjusted: site.isDaylightSavingAdjusted,
  };
}

function toReviewServer(server: ServerRow): ReviewServer {
  return {
    name: server.name,
    siteCode: server.siteCode,
    isLogonServer: server.isLogonServer,
    isDistributionServer: server.isDistributionServer,
    packageShare: server.packageShare,
    serverType: server.serverType,
    fileSystem: server.fileSystem as FileSystem,
    hasServicesForMacintosh: server.hasServicesForMacintosh,
    macintoshZone: server.macintoshZone,
    isRemovedFromHierarchy: server.isRemovedFromHierarchy,
  };
}

/** A package and its command lines as the rules see them, or null when it does not exist. */
export async function loadReviewPackage(packageId: string): Promise<ReviewPackage | null> {
  await authorize("console:read");
  const pkg = await db.package.findUnique({
    where: { packageId },
    include: { commandLines: { orderBy: { position: "asc" } }, servers: { select: { server: { select: { name: true } } } } },
  });
  if (!pkg) return null;
  return {
    packageId: pkg.packageId,
    siteCode: pkg.siteCode,
    name: pkg.name,
    comments: pkg.comments,
    sourceDirectory: pkg.sourceDirectory,
    commandLines: pkg.commandLines.map(
      (line): ReviewCommandLine => ({
        id: line.id,
        commandName: line.commandName,
        commandLine: line.commandLine,
        isAutomated: line.isAutomated,
        isSystemTask: line.isSystemTask,
        isUserInputRequired: line.isUserInputRequired,
        isSynchronousSystemExitRequired: line.isSynchronousSystemExitRequired,
        supportedPlatforms: parsePlatformList(line.supportedPlatforms),
        restartsComputer: line.restartsComputer,
        requiresAdministratorRights: line.requiresAdministratorRights,
      }),
    ),
    sourceFileCount: pkg.sourceFileCount,
    hasLongFileNames: pkg.hasLongFileNames,
    isSourceOnNtfs: pkg.isSourceOnNtfs,
    sourceSizeBytes: pkg.sourceSizeMegabytes === null ? null : pkg.sourceSizeMegabytes * MEGABYTE,
    hasSourceChangedSinceLastSend: pkg.hasSourceChangedSinceLastSend,
    distributionServerNames: pkg.servers.map((entry) => entry.server.name).sort(),
    shareName: pkg.shareName,
  };
}

/** Computers as the rules and the simulator see them, in SMS ID order. */
export async function loadReviewComputers(smsIds: readonly string[], serverNames?: ReadonlyMap<number, string>): Promise<ReviewComputer[]> {
  await authorize("console:read");
  const names = serverNames ?? new Map((await db.server.findMany({ select: { id: true, name: true } })).map((server) => [server.id, server.name]));
  if (smsIds.length <= LISTED_READ_LIMIT) {
    const computers = await db.computer.findMany({ where: { smsId: { in: [...smsIds] } }, select: reviewComputerSelect });
    return computers.sort(inSmsIdOrder).map((computer) => toReviewComputer(computer, names));
  }
  // Many: one pass over the table in batches, no long IN list for the database to parse and plan.
  const wanted = new Set(smsIds);
  const computers: ReviewComputer[] = [];
  for await (const batch of readReviewComputerBatches({ serverNames: names })) for (const computer of batch) if (wanted.has(computer.smsId)) computers.push(computer);
  return computers.sort(inSmsIdOrder);
}

export async function loadReviewSites(): Promise<Map<string, ReviewSite>> {
  await authorize("console:read");
  return new Map((await db.site.findMany()).map((site) => [site.code, toReviewSite(site)]));
}

const CHUNK = 5000;

/**
 * The other active jobs with a mandatory run phase (R42, R53): when each was sent (its place in the
 * .INS), its dates, how many targets it has, and which of `smsIds` (the reviewed job's targets) it shares.
 */
export async function loadOtherMandatoryJobs(options: { exceptJobId: string | null; smsIds: readonly string[] }): Promise<ReviewOtherJob[]> {
  await authorize("console:read");
  const jobs = await db.job.findMany({
    where: { state: "ACTIVE", isRunPhase: true, isMandatory: true, mandatoryAfter: { not: null }, requestId: { not: null }, ...(options.exceptJobId ? { jobId: { not: options.exceptJobId } } : {}) },
    select: { jobId: true, siteCode: true, mandatoryAfter: true, isExpiring: true, expireAfter: true, transitions: { where: { toState: "ACTIVE" }, select: { at: true }, orderBy: { at: "asc" }, take: 1 } },
    orderBy: { jobId: "asc" },
  });
  if (jobs.length === 0) return [];
  const jobIds = jobs.map((job) => job.jobId);
  const counts = await db.jobTarget.groupBy({ by: ["jobId"], where: { jobId: { in: jobIds } }, _count: { _all: true } });
  const countOf = new Map(counts.map((row) => [row.jobId, row._count._all]));
  const shared = new Map<string, string[]>();
  for (let start = 0; start < options.smsIds.length; start += CHUNK) {
    const rows = await db.jobTarget.findMany({ where: { jobId: { in: jobIds }, smsId: { in: options.smsIds.slice(start, start + CHUNK) } }, select: { jobId: true, smsId: true } });
    for (const row of rows) {
      // push, not a copy per row: a job sharing 50,000 targets was quadratic (found in review).
      const ofJob = shared.get(row.jobId);
      if (ofJob) ofJob.push(row.smsId);
      else shared.set(row.jobId, [row.smsId]);
    }
  }
  return jobs.map((job) => ({
    jobId: job.jobId,
    siteCode: job.siteCode,
    sentAt: job.transitions[0]?.at.toISOString() ?? "",
    mandatoryAfter: normaliseWallClock(job.mandatoryAfter as string),
    expireAfter: job.isExpiring && job.expireAfter ? normaliseWallClock(job.expireAfter) : null,
    targetCount: countOf.get(job.jobId) ?? 0,
    sharedTargetSmsIds: shared.get(job.jobId) ?? [],
  }));
}

/**
 * Everything the requirement rules look at for one job: its definition, package, chosen command
 * line, targets (resolved now while Pending, frozen once sent) and distribution servers.
 */
/** `onlySmsIds` narrows a sent job's targets to those (the Job Status page predicts one page of them). */
export async function buildReviewContext(options: { jobId: string | null; state: JobState; definition: JobInput; now: string; onlySmsIds?: readonly string[] }): Promise<ReviewContext | null> {
  await authorize("console:read");
  const { jobId, state, definition, now } = options;
  const reviewPackage = await loadReviewPackage(definition.packageId);
  if (!reviewPackage) return null;
  const [sites, serverRows] = await Promise.all([loadReviewSites(), db.server.findMany()]);
  const servers = new Map(serverRows.map((server) => [server.name, toReviewServer(server)]));
  const serverNames = new Map(serverRows.map((server) => [server.id, server.name]));

  let targets: ReviewComputer[];
  let distributionServerNames: string[];
  // A job that was never sent (still Pending, or canceled before Send) has no frozen targets yet.
  const wasSent = jobId !== null && state !== "PENDING" && (await db.job.count({ where: { jobId, requestId: { not: null } } })) > 0;
  if (!wasSent && isServerJobType(definition.jobType)) {
    // Share and Remove jobs name servers, never computers: the review sees those servers only.
    distributionServerNames = (await resolveServerTargets(db, definition)).map((server) => server.name);
    targets = [];
  } else if (!wasSent) {
    targets = await readPendingTargets({ target: definition.target, sites, serverNames });
    const resolved = await resolveDistributionServers(db, definition, new Set(targets.map((computer) => computer.siteCode)));
    distributionServerNames = resolved.all.map((server) => server.name);
  } else {
    const [frozenTargets, frozenServers] = await Promise.all([
      readSentTargets({ jobId: jobId as string, serverNames, onlySmsIds: options.onlySmsIds }),
      db.jobServer.findMany({ where: { jobId: jobId as string }, select: { serverName: true }, orderBy: { position: "asc" } }),
    ]);
    targets = frozenTargets;
    distributionServerNames = frozenServers.map((server) => server.serverName);
  }
  const smsIds = targets.map((target) => target.smsId);
  const [otherJobs, sent] = await Promise.all([
    loadOtherMandatoryJobs({ exceptJobId: jobId, smsIds }),
    wasSent ? db.jobTransition.findFirst({ where: { jobId: jobId as string, toState: "ACTIVE" }, orderBy: { at: "asc" }, select: { at: true } }) : null,
  ]);

  const commandLineId = definition.runPhase.isEnabled ? definition.runPhase.commandLineId : undefined;
  return {
    now,
    job: { jobId, state, definition, sentAt: sent?.at.toISOString() ?? null },
    package: reviewPackage,
    commandLine: reviewPackage.commandLines.find((line) => line.id === commandLineId) ?? null,
    targets,
    distributionServers: distributionServerNames.flatMap((name) => servers.get(name) ?? []),
    sites,
    servers,
    otherJobs,
  };
}

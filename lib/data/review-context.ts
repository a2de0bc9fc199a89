import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { parseHotfixList } from "../computers/schema";
import { db } from "../db";
import { arrayReader } from "../db/array-reader";
import { isServerJobType, isServerTargetKind, type JobInput, type JobState, type JobTarget } from "../jobs/schema";
import { resolveTargets, sitesWithin, type InventoryComputer, type TargetInventory } from "../jobs/targets";
import { parsePlatformList, type PcmVariant, type Platform } from "../platforms";
import type { DisableRandomPcmServers, ReviewCommandLine, ReviewComputer, ReviewContext, ReviewOtherJob, ReviewPackage, ReviewServer, ReviewSite } from "../rules/context";
import type { FileSystem } from "../servers/schema";
import type { SmsVersion } from "../sites/schema";
import { normaliseWallClock } from "../wall-clock";
import { resolveDistributionServers, resolveServerTargets } from "./job-lifecycle";
import { loadTargetInventory } from "./target-inventory";
import { authorize } from "./session";

const MEGABYTE = 1024 * 1024;
const list = (value: string | null) => (value === null ? null : value.split(",").map((item) => item.trim()).filter(Boolean));

type SiteRow = Awaited<ReturnType<typeof db.site.findMany>>[number];
type ServerRow = Awaited<ReturnType<typeof db.server.findMany>>[number];
/** The columns of a computer the rules, the simulator and the computer page read: no more. */
const reviewComputerSelect = {
  smsId: true,
  name: true,
  siteCode: true,
  logonServerId: true,
  platform: true,
  osVersion: true,
  ntRole: true,
  ntDomain: true,
  smsClientVersion: true,
  smsClientServicePack: true,
  pcmVariant: true,
  isPcmServiceInstalled: true,
  pcmServiceFileDate: true,
  pcmServiceInstallDirectory: true,
  pcmServiceStartType: true,
  isPcmServiceRunning: true,
  pcmServiceAccountIsLocalAdmin: true,
  pcmServiceAccountCanLogOnAsService: true,
  pcmServiceAccountCanReadShares: true,
  pcmServiceAccountIsDomainAdmin: true,
  networkLink: true,
  lastInventoryAt: true,
  installedPcmHotfixes: true,
  isPcmwin32AutoStart: true,
  clockOffsetSeconds: true,
  hasInteractiveUsers: true,
  usersAreLocalAdministrators: true,
  isPcmServiceDirectoryUserWritable: true,
  pcmServiceAccount: true,
  hasDuplicateSmsId: true,
  utcOffsetMinutes: true,
  isDaylightSavingAdjusted: true,
  isNetwareNetxClient: true,
  disableRandomPcmServers: true,
} as const satisfies Prisma.ComputerSelect;
type ComputerRow = Prisma.ComputerGetPayload<{ select: typeof reviewComputerSelect }>;
const REVIEW_COLUMNS = Prisma.raw(Object.keys(reviewComputerSelect).map((column) => `c."${column}"`).join(", "));
// Drivers differ: SQLite gives booleans as 0 or 1 (and may give integers as bigint), PostgreSQL as booleans.
const bool = (value: unknown) => (value === null || typeof value === "boolean" ? value : value === 1 || value === 1n || value === "1" || value === "true") as boolean;
const int = (value: unknown) => (value === null || typeof value === "number" ? value : Number(value)) as number;
const str = (value: unknown) => value as string;

/** A row of REVIEW_COLUMNS, in reviewComputerSelect's order, as Prisma would give it. */
function computerRowOf(v: unknown[]): ComputerRow {
  return {
    smsId: str(v[0]),
    name: str(v[1]),
    siteCode: str(v[2]),
    logonServerId: int(v[3]),
    platform: str(v[4]),
    osVersion: str(v[5]),
    ntRole: str(v[6]),
    ntDomain: str(v[7]),
    smsClientVersion: str(v[8]),
    smsClientServicePack: int(v[9]),
    pcmVariant: str(v[10]),
    isPcmServiceInstalled: bool(v[11]),
    pcmServiceFileDate: str(v[12]),
    pcmServiceInstallDirectory: str(v[13]),
    pcmServiceStartType: str(v[14]),
    isPcmServiceRunning: bool(v[15]),
    pcmServiceAccountIsLocalAdmin: bool(v[16]),
    pcmServiceAccountCanLogOnAsService: bool(v[17]),
    pcmServiceAccountCanReadShares: bool(v[18]),
    pcmServiceAccountIsDomainAdmin: bool(v[19]),
    networkLink: str(v[20]),
    lastInventoryAt: str(v[21]),
    installedPcmHotfixes: str(v[22]),
    isPcmwin32AutoStart: bool(v[23]),
    clockOffsetSeconds: int(v[24]),
    hasInteractiveUsers: bool(v[25]),
    usersAreLocalAdministrators: bool(v[26]),
    isPcmServiceDirectoryUserWritable: bool(v[27]),
    pcmServiceAccount: str(v[28]),
    hasDuplicateSmsId: bool(v[29]),
    utcOffsetMinutes: int(v[30]),
    isDaylightSavingAdjusted: bool(v[31]),
    isNetwareNetxClient: bool(v[32]),
    disableRandomPcmServers: str(v[33]),
  };
}

/**
 * Computers read by plain SQL as arrays (arrayReader): Prisma's mapping of 10,000 rows costs more
 * than the read itself (its $queryRaw about twice a driver's array read; its findMany several times).
 */
async function readReviewComputers(where: Prisma.Sql): Promise<ComputerRow[]> {
  const rows = await arrayReader()(Prisma.sql`SELECT ${REVIEW_COLUMNS} FROM "Computer" c ${where}`);
  return rows.map(computerRowOf);
}

/** Up to this many SMS IDs are read by a list of them; more, by reading every computer once. */
const LISTED_READ_LIMIT = 500;
// SMS IDs are A-Z and 0-9 only (SMS_ID_PATTERN), where code-unit order is localeCompare's order at a fraction of its cost.
const inSmsIdOrder = (a: { smsId: string }, b: { smsId: string }) => (a.smsId < b.smsId ? -1 : a.smsId > b.smsId ? 1 : 0);

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

/** A computer row as the rules, the simulator and the computer page read it. */
export function toReviewComputer(computer: ComputerRow, serverNames: ReadonlyMap<number, string>): ReviewComputer {
  return {
    smsId: computer.smsId,
    name: computer.name,
    siteCode: computer.siteCode,
    logonServer: computer.logonServerId === null ? null : (serverNames.get(computer.logonServerId) ?? null),
    platform: computer.platform as Platform,
    osVersion: computer.osVersion,
    ntRole: computer.ntRole as ReviewComputer["ntRole"],
    ntDomain: computer.ntDomain,
    smsClientVersion: computer.smsClientVersion as SmsVersion,
    smsClientServicePack: computer.smsClientServicePack,
    pcmVariant: computer.pcmVariant as PcmVariant,
    isPcmServiceInstalled: computer.isPcmServiceInstalled,
    pcmServiceFileDate: computer.pcmServiceFileDate,
    pcmServiceInstallDirectory: computer.pcmServiceInstallDirectory,
    pcmServiceStartType: computer.pcmServiceStartType as ReviewComputer["pcmServiceStartType"],
    isPcmServiceRunning: computer.isPcmServiceRunning,
    pcmServiceAccountIsLocalAdmin: computer.pcmServiceAccountIsLocalAdmin,
    pcmServiceAccountCanLogOnAsService: computer.pcmServiceAccountCanLogOnAsService,
    pcmServiceAccountCanReadShares: computer.pcmServiceAccountCanReadShares,
    pcmServiceAccountIsDomainAdmin: computer.pcmServiceAccountIsDomainAdmin,
    networkLink: computer.networkLink as ReviewComputer["networkLink"],
    lastInventoryAt: computer.lastInventoryAt,
    installedPcmHotfixes: parseHotfixList(computer.installedPcmHotfixes),
    isPcmwin32AutoStart: computer.isPcmwin32AutoStart,
    clockOffsetSeconds: computer.clockOffsetSeconds,
    hasInteractiveUsers: computer.hasInteractiveUsers,
    usersAreLocalAdministrators: computer.usersAreLocalAdministrators,
    isPcmServiceDirectoryUserWritable: computer.isPcmServiceDirectoryUserWritable,
    pcmServiceAccount: computer.pcmServiceAccount,
    hasDuplicateSmsId: computer.hasDuplicateSmsId,
    utcOffsetMinutes: computer.utcOffsetMinutes,
    isDaylightSavingAdjusted: computer.isDaylightSavingAdjusted,
    isNetwareNetxClient: computer.isNetwareNetxClient,
    disableRandomPcmServers: computer.disableRandomPcmServers as DisableRandomPcmServers | null,
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
  let computers: ComputerRow[];
  if (smsIds.length <= LISTED_READ_LIMIT) {
    computers = await db.computer.findMany({ where: { smsId: { in: [...smsIds] } }, select: reviewComputerSelect });
  } else {
    // Many targets: one pass over the table, no long IN list for the database to parse and plan.
    const wanted = new Set(smsIds);
    computers = (await readReviewComputers(Prisma.empty)).filter((computer) => wanted.has(computer.smsId));
  }
  return computers.sort(inSmsIdOrder).map((computer) => toReviewComputer(computer, names));
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
    for (const row of rows) shared.set(row.jobId, [...(shared.get(row.jobId) ?? []), row.smsId]);
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

/** A saved query's target, or a machine group that takes its computers from a query. */
async function isQueryTarget(target: JobTarget): Promise<boolean> {
  if (target.kind === "QUERY") return true;
  if (target.kind !== "MACHINE_GROUP" || target.machineGroupId === undefined) return false;
  const group = await db.machineGroup.findUnique({ where: { id: target.machineGroupId }, select: { queryId: true } });
  return group?.queryId != null;
}

/**
 * The computers a Pending job's target names, read once for both target resolution and the rules
 * (their columns include everything resolution reads). The target's exact filters (machine group,
 * sites, platforms, PCM variants, a short list of computers) narrow the read in SQL; resolveTargets
 * then decides as Send would, so the result is the same as resolving over the whole inventory.
 */
export async function readPendingTargets(target: JobTarget, sites: ReadonlyMap<string, ReviewSite>): Promise<ComputerRow[]> {
  await authorize("console:read");
  if (isServerTargetKind(target.kind)) return [];
  const parentOfSite = new Map([...sites.values()].map((site) => [site.code, site.parentCode]));
  if (await isQueryTarget(target)) {
    // A query (or a group made of one) reads attributes the review does not: resolved over the
    // inventory as Send resolves it, then the review's columns read for what it names.
    const wanted = new Set(resolveTargets(target, await loadTargetInventory(db)).smsIds);
    return (await readReviewComputers(Prisma.empty)).filter((row) => wanted.has(row.smsId)).sort(inSmsIdOrder);
  }
  const conditions: Prisma.Sql[] = [];
  const oneOf = (column: string, values: Iterable<string>) => conditions.push(Prisma.sql`c.${Prisma.raw(`"${column}"`)} IN (${Prisma.join([...values])})`);
  let join = Prisma.empty;
  if (target.kind === "MACHINE_GROUP") {
    join = Prisma.sql`JOIN "MachineGroupMember" m ON m."smsId" = c."smsId"`;
    conditions.push(Prisma.sql`m."machineGroupId" = ${target.machineGroupId ?? -1}`);
  }
  if (target.kind === "COMPUTERS") {
    if (target.smsIds.length === 0) return [];
    if (target.smsIds.length <= LISTED_READ_LIMIT) oneOf("smsId", target.smsIds);
  }
  if (target.limitToSiteCode) oneOf("siteCode", sitesWithin(target.limitToSiteCode, target.includeSubsites, parentOfSite));
  if (target.platforms.length > 0) oneOf("platform", target.platforms);
  if (target.pcmVariants.length > 0) oneOf("pcmVariant", target.pcmVariants);
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const rows = await readReviewComputers(Prisma.sql`${join} ${where}`);
  const inventory: TargetInventory = {
    computers: rows as unknown as InventoryComputer[],
    machineGroupMembers: new Map(target.kind === "MACHINE_GROUP" ? [[target.machineGroupId ?? -1, rows.map((row) => row.smsId)]] : []),
    queries: new Map(),
    parentOfSite,
  };
  const wanted = new Set(resolveTargets(target, inventory).smsIds);
  const bySmsId = new Map<string, ComputerRow>();
  for (const row of rows) if (wanted.has(row.smsId)) bySmsId.set(row.smsId, row);
  return [...bySmsId.values()].sort(inSmsIdOrder);
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
    const rows = await readPendingTargets(definition.target, sites);
    const resolved = await resolveDistributionServers(db, definition, new Set(rows.map((computer) => computer.siteCode)));
    distributionServerNames = resolved.all.map((server) => server.name);
    targets = rows.map((computer) => toReviewComputer(computer, serverNames));
  } else {
    // Its frozen targets, read with their computers in one statement (a join, no list of IDs unless
    // the caller narrows them to a page).
    const onlyThese = options.onlySmsIds ? Prisma.sql` AND c."smsId" IN (${options.onlySmsIds.length ? Prisma.join([...options.onlySmsIds]) : Prisma.sql`NULL`})` : Prisma.empty;
    const [rows, frozenServers] = await Promise.all([
      readReviewComputers(Prisma.sql`JOIN "JobTarget" t ON t."smsId" = c."smsId" WHERE t."jobId" = ${jobId as string}${onlyThese}`),
      db.jobServer.findMany({ where: { jobId: jobId as string }, select: { serverName: true }, orderBy: { position: "asc" } }),
    ]);
    targets = rows.sort(inSmsIdOrder).map((computer) => toReviewComputer(computer, serverNames));
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

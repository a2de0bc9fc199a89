import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { parseHotfixList } from "../../computers/schema";
import { db } from "../../db";
import { arrayReader } from "../../db/array-reader";
import { isServerTargetKind, type JobTarget } from "../../jobs/schema";
import { resolveTargets, sitesWithin, type InventoryComputer, type TargetInventory } from "../../jobs/targets";
import type { PcmVariant, Platform } from "../../platforms";
import type { QueryCondition } from "../../queries/schema";
import type { DisableRandomPcmServers, ReviewComputer, ReviewSite } from "../../rules/context";
import type { SmsVersion } from "../../sites/schema";
import { loadQueryConditions } from "../inventory/queries";
import { authorize } from "../accounts/session";
import { dynamicGroupMembers } from "./target-inventory";

/** The columns of a computer the rules, the simulator and the computer page read: no more. */
export const reviewComputerSelect = {
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
export type ComputerRow = Prisma.ComputerGetPayload<{ select: typeof reviewComputerSelect }>;
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

/** Up to this many SMS IDs are read by a list of them; more, by reading every computer once. */
export const LISTED_READ_LIMIT = 500;
// SMS IDs are A-Z and 0-9 only (SMS_ID_PATTERN), where code-unit order is localeCompare's order at a fraction of its cost.
export const inSmsIdOrder = (a: { smsId: string }, b: { smsId: string }) => (a.smsId < b.smsId ? -1 : a.smsId > b.smsId ? 1 : 0);

/**
 * Computers a batch at a time: a review of 50,000 targets must not hold 50,000 rows as the driver
 * gives them, then as rows, then as the rules' objects (612 MB at its peak). Each batch becomes the
 * rules' objects before the next is read, so only what the caller keeps outlives it.
 */
const REVIEW_BATCH_SIZE = 2_000;

/**
 * The review's columns of the computers a join and conditions name, in batches in the database's
 * SMS ID order (each batch starts after the last SMS ID of the one before), read as arrays straight
 * from the driver (arrayReader: Prisma's mapping of 10,000 rows costs more than the read itself).
 * Each batch is its own statement: a computer changed during a review is seen as its batch found it.
 */
export async function* readReviewComputerBatches(options: { join?: Prisma.Sql; conditions?: readonly Prisma.Sql[]; serverNames: ReadonlyMap<number, string>; batchSize?: number }): AsyncGenerator<ReviewComputer[]> {
  await authorize("console:read");
  const batchSize = options.batchSize ?? REVIEW_BATCH_SIZE;
  const read = arrayReader();
  let after: string | null = null;
  for (;;) {
    const conditions = after === null ? [...(options.conditions ?? [])] : [...(options.conditions ?? []), Prisma.sql`c."smsId" > ${after}`];
    const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
    const rows = await read(Prisma.sql`SELECT ${REVIEW_COLUMNS} FROM "Computer" c ${options.join ?? Prisma.empty} ${where} ORDER BY c."smsId" LIMIT ${batchSize}`);
    if (rows.length > 0) yield rows.map((row) => toReviewComputer(computerRowOf(row), options.serverNames));
    if (rows.length < batchSize) return;
    after = str((rows[rows.length - 1] as unknown[])[0]);
  }
}

/** A saved query's target, or a machine group that takes its computers from a query: the query's ID. */
async function queryOfTarget(target: JobTarget): Promise<number | null> {
  if (target.kind === "QUERY") return target.queryId ?? null;
  if (target.kind !== "MACHINE_GROUP" || target.machineGroupId === undefined) return null;
  const group = await db.machineGroup.findUnique({ where: { id: target.machineGroupId }, select: { queryId: true } });
  return group?.queryId ?? null;
}

/**
 * The computers a Pending job's target names, as the rules see them, in SMS ID order: read once, a
 * batch at a time, for both target resolution and the rules (their columns include everything
 * resolution and queries read). The target's exact filters (machine group, sites, platforms, PCM
 * variants, a short list of computers) narrow the read in SQL; resolveTargets then decides on each
 * batch as Send does over the whole inventory (every target kind decides computer by computer), so
 * only the targets outlive their batch.
 */
export async function readPendingTargets(options: { target: JobTarget; sites: ReadonlyMap<string, ReviewSite>; serverNames: ReadonlyMap<number, string>; batchSize?: number }): Promise<ReviewComputer[]> {
  await authorize("console:read");
  const { target } = options;
  if (isServerTargetKind(target.kind)) return [];
  const parentOfSite = new Map([...options.sites.values()].map((site) => [site.code, site.parentCode]));
  const conditions: Prisma.Sql[] = [];
  const oneOf = (column: string, values: Iterable<string>) => conditions.push(Prisma.sql`c.${Prisma.raw(`"${column}"`)} IN (${Prisma.join([...values])})`);
  let join = Prisma.empty;
  let queries: ReadonlyMap<number, readonly QueryCondition[]> = new Map();
  // A group made of a query has no member rows: its members are the query's result, batch by batch.
  let groupQueryConditions: readonly QueryCondition[] | null = null;
  const queryId = await queryOfTarget(target);
  if (target.kind === "QUERY" || queryId !== null) {
    queries = await loadQueryConditions(db);
    if (target.kind === "MACHINE_GROUP") groupQueryConditions = queries.get(queryId as number) ?? [];
  } else if (target.kind === "MACHINE_GROUP") {
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

  const targets: ReviewComputer[] = [];
  for await (const batch of readReviewComputerBatches({ join, conditions, serverNames: options.serverNames, batchSize: options.batchSize })) {
    // The rules' computers carry every field resolution and queries read (the logon server by name).
    const computers = batch as unknown as InventoryComputer[];
    const members = groupQueryConditions ? dynamicGroupMembers(computers, groupQueryConditions) : computers.map((computer) => computer.smsId);
    const inventory: TargetInventory = {
      computers,
      machineGroupMembers: new Map(target.kind === "MACHINE_GROUP" ? [[target.machineGroupId ?? -1, members]] : []),
      queries,
      parentOfSite,
    };
    const wanted = new Set(resolveTargets(target, inventory).smsIds);
    for (const computer of batch) if (wanted.has(computer.smsId) && targets.at(-1)?.smsId !== computer.smsId) targets.push(computer);
  }
  return targets.sort(inSmsIdOrder);
}

/** A sent job's frozen targets with their computers, a batch at a time (a join, no list of IDs unless `onlySmsIds` narrows them to a page). */
export async function readSentTargets(options: { jobId: string; serverNames: ReadonlyMap<number, string>; onlySmsIds?: readonly string[]; batchSize?: number }): Promise<ReviewComputer[]> {
  await authorize("console:read");
  const conditions = [Prisma.sql`t."jobId" = ${options.jobId}`];
  if (options.onlySmsIds) conditions.push(Prisma.sql`c."smsId" IN (${options.onlySmsIds.length ? Prisma.join([...options.onlySmsIds]) : Prisma.sql`NULL`})`);
  const targets: ReviewComputer[] = [];
  for await (const batch of readReviewComputerBatches({ join: Prisma.sql`JOIN "JobTarget" t ON t."smsId" = c."smsId"`, conditions, serverNames: options.serverNames, batchSize: options.batchSize })) {
    for (const computer of batch) targets.push(computer);
  }
  return targets.sort(inSmsIdOrder);
}

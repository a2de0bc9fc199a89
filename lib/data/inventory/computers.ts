import "server-only";
import { cache } from "react";
import { formatHotfixList, type ComputerInput } from "../../computers/schema";
import { db, type Transaction } from "../../db";
import { DomainError } from "../../errors";
import type { PcmVariant, Platform } from "../../platforms";
import type { ReviewComputer } from "../../rules/context";
import { countOf, pageWindow, refuseWhileInUse, refusingRaces, requireUpdated, toPage, type Page } from "../console/records";
import { recordAudit } from "../audit/audit";
import { toReviewComputer } from "../review/review-targets";
import { authorize } from "../accounts/session";

export interface ComputerFilter {
  search?: string;
  siteCode?: string;
  platform?: Platform;
  pcmVariant?: PcmVariant;
  /** The PCM service (Pcmsvc32): not installed, installed but stopped, or running. */
  pcmService?: PcmServiceFilter;
  page: number;
}

export const PCM_SERVICE_FILTERS = ["none", "stopped", "running"] as const;
export type PcmServiceFilter = (typeof PCM_SERVICE_FILTERS)[number];
const PCM_SERVICE_WHERE = {
  none: { isPcmServiceInstalled: false },
  stopped: { isPcmServiceInstalled: true, isPcmServiceRunning: false },
  running: { isPcmServiceInstalled: true, isPcmServiceRunning: true },
} as const;

export interface ComputerSummary {
  smsId: string;
  name: string;
  siteCode: string;
  platform: Platform;
  pcmVariant: PcmVariant;
  isPcmServiceInstalled: boolean;
  lastInventoryAt: string | null;
}

/** A computer as its page shows it: the facts the requirement rules read, its groups and version. */
export interface ComputerDetail extends ReviewComputer {
  machineGroups: string[];
  version: number;
}

const summarySelect = {
  smsId: true,
  name: true,
  siteCode: true,
  platform: true,
  pcmVariant: true,
  isPcmServiceInstalled: true,
  lastInventoryAt: true,
} as const;

function whereOf(filter: ComputerFilter) {
  const search = filter.search?.trim();
  return {
    siteCode: filter.siteCode || undefined,
    platform: filter.platform || undefined,
    pcmVariant: filter.pcmVariant || undefined,
    ...(filter.pcmService ? PCM_SERVICE_WHERE[filter.pcmService] : {}),
    // SQLite's LIKE ignores ASCII case but PostgreSQL's does not; computer names are NetBIOS upper case.
    ...(search ? { OR: [{ smsId: { startsWith: search.toUpperCase() } }, { name: { contains: search } }, { name: { contains: search.toUpperCase() } }] } : {}),
  };
}

export async function listComputers(filter: ComputerFilter): Promise<Page<ComputerSummary>> {
  await authorize("console:read");
  const where = whereOf(filter);
  const [rows, total] = await Promise.all([
    db.computer.findMany({ where, orderBy: { smsId: "asc" }, ...pageWindow(filter.page), select: summarySelect }),
    db.computer.count({ where }),
  ]);
  const items = rows.map((row) => ({ ...row, platform: row.platform as Platform, pcmVariant: row.pcmVariant as PcmVariant }));
  return toPage(items, total, filter.page);
}

export const getComputer = cache(async (smsId: string): Promise<ComputerDetail | null> => {
  await authorize("console:read");
  const row = await db.computer.findUnique({
    where: { smsId },
    include: { logonServer: { select: { name: true } }, machineGroups: { select: { machineGroup: { select: { name: true } } } } },
  });
  if (!row) return null;
  const serverNames = new Map(row.logonServerId !== null && row.logonServer ? [[row.logonServerId, row.logonServer.name]] : []);
  return {
    ...toReviewComputer(row, serverNames),
    machineGroups: row.machineGroups.map((membership) => membership.machineGroup.name).sort(),
    version: row.version,
  };
});

async function computerData(tx: Transaction, input: ComputerInput) {
  if (!(await tx.site.findUnique({ where: { code: input.siteCode }, select: { code: true } }))) {
    throw new DomainError("invalid", `Site ${input.siteCode} does not exist`, [{ path: "siteCode", message: `Site ${input.siteCode} does not exist` }]);
  }
  let logonServerId: number | null = null;
  if (input.logonServer) {
    const server = await tx.server.findUnique({ where: { name: input.logonServer }, select: { id: true } });
    if (!server) throw new DomainError("invalid", `Server ${input.logonServer} does not exist`, [{ path: "logonServer", message: `Server ${input.logonServer} does not exist` }]);
    logonServerId = server.id;
  }
  const { smsId: _smsId, logonServer: _logonServer, ...fields } = input;
  return {
    ...fields,
    logonServerId,
    ntRole: input.ntRole ?? null,
    ntDomain: input.ntDomain ?? null,
    pcmServiceFileDate: input.pcmServiceFileDate ?? null,
    pcmServiceInstallDirectory: input.pcmServiceInstallDirectory ?? null,
    pcmServiceStartType: input.pcmServiceStartType ?? null,
    lastInventoryAt: input.lastInventoryAt ?? null,
    ...computerFactsData(input),
  };
}

/** The recorded facts, with null for each one not recorded (so an update clears it). */
export function computerFactsData(input: ComputerInput) {
  return {
    installedPcmHotfixes: input.installedPcmHotfixes ? formatHotfixList(input.installedPcmHotfixes) : null,
    isPcmwin32AutoStart: input.isPcmwin32AutoStart ?? null,
    clockOffsetSeconds: input.clockOffsetSeconds ?? null,
    hasInteractiveUsers: input.hasInteractiveUsers ?? null,
    usersAreLocalAdministrators: input.usersAreLocalAdministrators ?? null,
    isPcmServiceDirectoryUserWritable: input.isPcmServiceDirectoryUserWritable ?? null,
    pcmServiceAccount: input.pcmServiceAccount ?? null,
    hasDuplicateSmsId: input.hasDuplicateSmsId ?? null,
    utcOffsetMinutes: input.utcOffsetMinutes ?? null,
    isDaylightSavingAdjusted: input.isDaylightSavingAdjusted ?? null,
    isNetwareNetxClient: input.isNetwareNetxClient ?? null,
    disableRandomPcmServers: input.disableRandomPcmServers ?? null,
  };
}

/** A computer row as the audit trail records it: every column but the timestamps. */
const auditOmit = { createdAt: true, updatedAt: true } as const;

export async function updateComputer(options: { smsId: string; version: number; input: ComputerInput }): Promise<void> {
  const actor = await authorize("sites:write", { type: "computer", id: options.smsId });
  const { smsId, version, input } = options;
  if (input.smsId !== smsId) throw new DomainError("invalid", "An SMS ID never changes", [{ path: "smsId", message: "An SMS ID never changes once allocated (Q127052)" }]);
  await db.$transaction(async (tx) => {
    const data = await computerData(tx, input);
    const before = await tx.computer.findUnique({ where: { smsId }, omit: auditOmit });
    const updated = await tx.computer.updateMany({ where: { smsId, version }, data: { ...data, version: { increment: 1 } } });
    await requireUpdated(updated.count, async () => before !== null, `Computer ${smsId}`);
    const after = await tx.computer.findUniqueOrThrow({ where: { smsId }, omit: auditOmit });
    await recordAudit(tx, { actor, action: "computer.update", objectType: "computer", objectId: smsId, before, after });
  });
}

export async function createComputer(options: { input: ComputerInput }): Promise<void> {
  const actor = await authorize("sites:write", { type: "computer", id: options.input.smsId });
  const { input } = options;
  const duplicate = new DomainError("invalid", `SMS ID ${input.smsId} already exists`, [{ path: "smsId", message: `SMS ID ${input.smsId} is already in inventory` }]);
  await refusingRaces(
    () =>
      db.$transaction(async (tx) => {
        if (await tx.computer.findUnique({ where: { smsId: input.smsId }, select: { smsId: true } })) throw duplicate;
        const data = await computerData(tx, input);
        const after = await tx.computer.create({ data: { smsId: input.smsId, ...data }, omit: auditOmit });
        await recordAudit(tx, { actor, action: "computer.create", objectType: "computer", objectId: input.smsId, before: null, after });
      }),
    { duplicate },
  );
}

export async function deleteComputer(options: { smsId: string }): Promise<void> {
  const actor = await authorize("sites:write", { type: "computer", id: options.smsId });
  const refusals = { duplicate: new DomainError("conflict", `Computer ${options.smsId} changed meanwhile`), inUse: new DomainError("in_use", `Computer ${options.smsId} cannot be deleted: it was put in use meanwhile`) };
  await refusingRaces(
    () =>
      db.$transaction(async (tx) => {
        const computer = await tx.computer.findUnique({ where: { smsId: options.smsId }, omit: auditOmit, include: { _count: { select: { machineGroups: true, jobTargets: true } } } });
        if (!computer) throw new DomainError("not_found", `Computer ${options.smsId} does not exist`);
        const { _count, ...before } = computer;
        const { machineGroups, jobTargets } = _count;
        refuseWhileInUse(`Computer ${options.smsId}`, [
          ...(machineGroups ? [countOf(machineGroups, "machine group")] : []),
          ...(jobTargets ? [`${countOf(jobTargets, "sent job")} that target it`] : []),
        ]);
        await tx.computer.delete({ where: { smsId: options.smsId } });
        await recordAudit(tx, { actor, action: "computer.delete", objectType: "computer", objectId: options.smsId, before, after: null });
      }),
    refusals,
  );
}

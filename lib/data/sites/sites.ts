import "server-only";
import { cache } from "react";
import { db, type Transaction } from "../../db";
import { DomainError } from "../../errors";
import { formatBusinessDays, parseBusinessDays, type SiteInput, type SmsVersion } from "../../sites/schema";
import { recordAudit } from "../audit/audit";
import { countOf, refuseWhileInUse, refusingRaces, requireUpdated } from "../console/records";
import { authorize } from "../accounts/session";

export interface SiteSummary {
  code: string;
  name: string;
  parentCode: string | null;
  smsVersion: SmsVersion;
  servicePack: number;
  pcmPollingIntervalMinutes: number;
  isPcmEnabled: boolean;
  serverCount: number;
  computerCount: number;
  packageCount: number;
}

/** Facts the requirement rules need; null = not recorded. */
export interface SiteFacts {
  /** ISO weekdays, 1 Monday .. 7 Sunday. */
  businessDays: number[] | null;
  businessHoursStart: string | null;
  businessHoursEnd: string | null;
  siteServerFreeDiskMegabytes: number | null;
  utcOffsetMinutes: number | null;
  isDaylightSavingAdjusted: boolean | null;
}

export interface SiteDetail extends Omit<SiteSummary, "serverCount" | "computerCount" | "packageCount">, SiteFacts {
  inventoryIntervalDays: number;
  version: number;
  childCodes: string[];
  computerCount: number;
  packageCount: number;
}

const siteFields = {
  code: true,
  name: true,
  parentCode: true,
  smsVersion: true,
  servicePack: true,
  pcmPollingIntervalMinutes: true,
  isPcmEnabled: true,
} as const;

export async function listSites(): Promise<SiteSummary[]> {
  await authorize("console:read");
  const rows = await db.site.findMany({
    orderBy: { code: "asc" },
    select: { ...siteFields, _count: { select: { servers: true, computers: true, packages: true } } },
  });
  return rows.map(({ _count, ...row }) => ({
    ...row,
    smsVersion: row.smsVersion as SmsVersion,
    serverCount: _count.servers,
    computerCount: _count.computers,
    packageCount: _count.packages,
  }));
}

/** Site codes and names for pickers. */
export const listSiteChoices = cache(async () => {
  await authorize("console:read");
  return db.site.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } });
});

const factFields = {
  businessDays: true,
  businessHoursStart: true,
  businessHoursEnd: true,
  siteServerFreeDiskMegabytes: true,
  utcOffsetMinutes: true,
  isDaylightSavingAdjusted: true,
} as const;

type SiteFactsRow = Omit<SiteFacts, "businessDays"> & { businessDays: string | null };
const toSiteFacts = (row: SiteFactsRow): SiteFacts => ({ ...row, businessDays: parseBusinessDays(row.businessDays) });

export const getSite = cache(async (code: string): Promise<SiteDetail | null> => {
  await authorize("console:read");
  const row = await db.site.findUnique({
    where: { code },
    select: {
      ...siteFields,
      ...factFields,
      inventoryIntervalDays: true,
      version: true,
      children: { select: { code: true }, orderBy: { code: "asc" } },
      _count: { select: { computers: true, packages: true } },
    },
  });
  if (!row) return null;
  const { children, _count, ...site } = row;
  return {
    ...site,
    ...toSiteFacts(site),
    smsVersion: site.smsVersion as SmsVersion,
    childCodes: children.map((child) => child.code),
    computerCount: _count.computers,
    packageCount: _count.packages,
  };
});

function siteData(input: SiteInput) {
  return {
    name: input.name,
    parentCode: input.parentCode ?? null,
    smsVersion: input.smsVersion,
    servicePack: input.servicePack,
    pcmPollingIntervalMinutes: input.pcmPollingIntervalMinutes,
    inventoryIntervalDays: input.inventoryIntervalDays,
    isPcmEnabled: input.isPcmEnabled,
    businessDays: input.businessDays ? formatBusinessDays(input.businessDays) : null,
    businessHoursStart: input.businessHoursStart ?? null,
    businessHoursEnd: input.businessHoursEnd ?? null,
    siteServerFreeDiskMegabytes: input.siteServerFreeDiskMegabytes ?? null,
    utcOffsetMinutes: input.utcOffsetMinutes ?? null,
    isDaylightSavingAdjusted: input.isDaylightSavingAdjusted ?? null,
  };
}

async function requireParent(tx: Transaction, parentCode: string | undefined, code: string) {
  if (!parentCode) return;
  let current: string | null = parentCode;
  const visited = new Set<string>();
  while (current) {
    if (current === code) throw new DomainError("invalid", "A site cannot be below itself", [{ path: "parentCode", message: `Site ${code} would be its own ancestor` }]);
    if (visited.has(current)) break;
    visited.add(current);
    const parent: { parentCode: string | null } | null = await tx.site.findUnique({ where: { code: current }, select: { parentCode: true } });
    if (!parent) throw new DomainError("invalid", `Parent site ${current} does not exist`, [{ path: "parentCode", message: `Parent site ${current} does not exist` }]);
    current = parent.parentCode;
  }
}

/** The site's own fields as the audit trail records them before and after a change. */
const auditFields = { ...siteFields, ...factFields, inventoryIntervalDays: true, version: true } as const;

export async function createSite(options: { input: SiteInput }): Promise<void> {
  const actor = await authorize("sites:write", { type: "site", id: options.input.code });
  const { input } = options;
  const duplicate = new DomainError("invalid", `Site ${input.code} already exists`, [{ path: "code", message: `Site ${input.code} already exists` }]);
  await refusingRaces(
    () =>
      db.$transaction(async (tx) => {
        if (await tx.site.findUnique({ where: { code: input.code }, select: { code: true } })) throw duplicate;
        await requireParent(tx, input.parentCode, input.code);
        const after = await tx.site.create({ data: { code: input.code, ...siteData(input) }, select: auditFields });
        await recordAudit(tx, { actor, action: "site.create", objectType: "site", objectId: input.code, before: null, after });
      }),
    { duplicate },
  );
}

/** `alsoInTransaction` records what caused the change (a job's applied fix) in the same transaction. */
export async function updateSite(options: { code: string; version: number; input: SiteInput; alsoInTransaction?: (tx: Transaction) => Promise<void> }): Promise<void> {
  const actor = await authorize("sites:write", { type: "site", id: options.code });
  const { code, version, input } = options;
  await db.$transaction(async (tx) => {
    await requireParent(tx, input.parentCode, code);
    const before = await tx.site.findUnique({ where: { code }, select: auditFields });
    const updated = await tx.site.updateMany({ where: { code, version }, data: { ...siteData(input), version: { increment: 1 } } });
    await requireUpdated(updated.count, async () => before !== null, `Site ${code}`);
    const after = await tx.site.findUniqueOrThrow({ where: { code }, select: auditFields });
    await recordAudit(tx, { actor, action: "site.update", objectType: "site", objectId: code, before, after });
    await options.alsoInTransaction?.(tx);
  });
}

export async function deleteSite(options: { code: string }): Promise<void> {
  const actor = await authorize("sites:write", { type: "site", id: options.code });
  const { code } = options;
  const refusals = { duplicate: new DomainError("conflict", `Site ${code} changed meanwhile`), inUse: new DomainError("in_use", `Site ${code} cannot be deleted: something was added to it meanwhile`) };
  await refusingRaces(
    () =>
      db.$transaction(async (tx) => {
        const site = await tx.site.findUnique({
          where: { code },
          select: { ...auditFields, nextPackageNumber: true, nextJobNumber: true, nextRequestNumber: true, _count: { select: { children: true, servers: true, computers: true, packages: true, jobs: true } } },
        });
        if (!site) throw new DomainError("not_found", `Site ${code} does not exist`);
        const { _count, nextPackageNumber, nextJobNumber, nextRequestNumber, ...before } = site;
        const { children, servers, computers, packages, jobs } = _count;
        const uses = [
          children && countOf(children, "child site"),
          servers && countOf(servers, "server"),
          computers && countOf(computers, "computer"),
          packages && countOf(packages, "package"),
          jobs && countOf(jobs, "job"),
        ].filter((use): use is string => Boolean(use));
        // Its IDs are never reused: a site recreated under this code would allocate them again.
        if (nextPackageNumber + nextJobNumber + nextRequestNumber > 0) uses.push("the package, job and request IDs it has allocated, which must never be allocated again");
        refuseWhileInUse(`Site ${code}`, uses);
        await tx.site.delete({ where: { code } });
        await recordAudit(tx, { actor, action: "site.delete", objectType: "site", objectId: code, before, after: null });
      }),
    refusals,
  );
}

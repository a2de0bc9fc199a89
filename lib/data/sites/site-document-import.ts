import "server-only";
import { db, type Transaction } from "../../db";
import { DomainError } from "../../errors";
import { formatPlatformList } from "../../platforms";
import { formatBusinessDays } from "../../sites/schema";
import { findReferenceIssues, formatIssuePath, type DocumentIssue } from "../../site-document/references";
import { siteDocumentSchema, type SiteDocument } from "../../site-document/schema";
import type { ImportSummary } from "../../site-document/summary";
import { sequenceOf } from "../../sms-id";
import { computerFactsData } from "../inventory/computers";
import { packagePropertySetsData, packageSourceFactsData, replaceDetectionFiles } from "../packages/packages";
import { recordAudit } from "../audit/audit";
import { authorize } from "../accounts/session";
import { importJobs } from "./site-document-jobs";

/** Parses a document and checks it against the database; every problem is reported with its JSON path. */
export async function validateSiteDocument(raw: unknown): Promise<{ document: SiteDocument } | { issues: DocumentIssue[] }> {
  // Checking a document is the first step of importing it: only those who may import may check.
  await authorize("sites:write", { type: "site-document" });
  const parsed = siteDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    return { issues: parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path) || "(document)", message: issue.message })) };
  }
  const [sites, servers, computers, groups, commandLines, jobs, queries] = await Promise.all([
    db.site.findMany({ select: { code: true } }),
    db.server.findMany({ select: { name: true } }),
    db.computer.findMany({ select: { smsId: true } }),
    db.machineGroup.findMany({ select: { name: true } }),
    db.workstationCommandLine.findMany({ select: { packageId: true, commandName: true } }),
    db.job.findMany({ where: { requestId: { not: null } }, select: { jobId: true, requestId: true } }),
    db.inventoryQuery.findMany({ select: { name: true } }),
  ]);
  const packageCommandNames = new Map<string, Set<string>>();
  for (const line of commandLines) packageCommandNames.set(line.packageId, (packageCommandNames.get(line.packageId) ?? new Set()).add(line.commandName));
  const issues = findReferenceIssues(parsed.data, {
    siteCodes: new Set(sites.map((site) => site.code)),
    serverNames: new Set(servers.map((server) => server.name)),
    smsIds: new Set(computers.map((computer) => computer.smsId)),
    machineGroupNames: new Set(groups.map((group) => group.name)),
    queryNames: new Set(queries.map((query) => query.name)),
    packageCommandNames,
    requestIds: new Map(jobs.map((job) => [job.requestId as string, job.jobId])),
  });
  return issues.length > 0 ? { issues } : { document: parsed.data };
}

/**
 * Imports a site document all-or-nothing: records are created or replaced by their key
 * (site code, server name, SMS ID, group name, package ID) inside one transaction.
 */
export async function importSiteDocument(raw: unknown): Promise<ImportSummary> {
  const actor = await authorize("sites:write", { type: "site-document" });
  const result = await validateSiteDocument(raw);
  if ("issues" in result) {
    throw new DomainError("invalid", `The site document has ${result.issues.length} problem${result.issues.length === 1 ? "" : "s"}; nothing was imported`, result.issues.map((issue) => ({ path: issue.path, message: issue.message })));
  }
  const { document } = result;
  const summary: ImportSummary = {
    sites: document.sites.length,
    servers: document.servers.length,
    computers: document.computers.length,
    queries: document.queries.length,
    machineGroups: document.machineGroups.length,
    packages: document.packages.length,
    jobs: document.jobs.length,
  };
  await db.$transaction(
    async (tx) => {
      await importSites(tx, document);
      await importServers(tx, document);
      await importComputers(tx, document);
      await importQueries(tx, document);
      await importMachineGroups(tx, document);
      await importPackages(tx, document);
      await importJobs(tx, document);
      await advanceSiteCounters(tx, document);
      // A document replaces records by key; the trail keeps what it held, not every row it replaced.
      await recordAudit(tx, {
        actor,
        action: "site-document.import",
        objectType: "site-document",
        before: null,
        after: { ...summary, siteCodes: document.sites.map((site) => site.code), packageIds: document.packages.map((pkg) => pkg.packageId), jobIds: document.jobs.map((job) => job.jobId) },
        detail: `${summary.sites} sites, ${summary.servers} servers, ${summary.computers} computers, ${summary.machineGroups} machine groups, ${summary.packages} packages, ${summary.jobs} jobs`,
      });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return summary;
}

async function importSites(tx: Transaction, document: SiteDocument) {
  // Parents first without links, then the links, so any order in the document works.
  for (const { lastAllocated: _counters, parentCode: _parent, code, ...fields } of document.sites) {
    // A fact the document does not carry is not recorded: null, also over an earlier value.
    const site = {
      ...fields,
      businessDays: fields.businessDays ? formatBusinessDays(fields.businessDays) : null,
      businessHoursStart: fields.businessHoursStart ?? null,
      businessHoursEnd: fields.businessHoursEnd ?? null,
      siteServerFreeDiskMegabytes: fields.siteServerFreeDiskMegabytes ?? null,
      utcOffsetMinutes: fields.utcOffsetMinutes ?? null,
      isDaylightSavingAdjusted: fields.isDaylightSavingAdjusted ?? null,
    };
    await tx.site.upsert({ where: { code }, create: { code, ...site }, update: { ...site, version: { increment: 1 } } });
  }
  for (const site of document.sites) {
    await tx.site.update({ where: { code: site.code }, data: { parentCode: site.parentCode ?? null } });
  }
}

async function importServers(tx: Transaction, document: SiteDocument) {
  for (const { name, ...server } of document.servers) {
    const data = { ...server, macintoshZone: server.macintoshZone ?? null, isRemovedFromHierarchy: server.isRemovedFromHierarchy ?? null };
    await tx.server.upsert({ where: { name }, create: { name, ...data }, update: { ...data, version: { increment: 1 } } });
  }
}

async function importComputers(tx: Transaction, document: SiteDocument) {
  const servers = await tx.server.findMany({ select: { id: true, name: true } });
  const serverIds = new Map(servers.map((server) => [server.name, server.id]));
  const existing = new Set((await tx.computer.findMany({ select: { smsId: true } })).map((computer) => computer.smsId));
  const rows = document.computers.map(({ logonServer, ...computer }) => ({
    ...computer,
    logonServerId: logonServer ? (serverIds.get(logonServer) ?? null) : null,
    ntRole: computer.ntRole ?? null,
    ntDomain: computer.ntDomain ?? null,
    pcmServiceFileDate: computer.pcmServiceFileDate ?? null,
    pcmServiceInstallDirectory: computer.pcmServiceInstallDirectory ?? null,
    pcmServiceStartType: computer.pcmServiceStartType ?? null,
    lastInventoryAt: computer.lastInventoryAt ?? null,
    ...computerFactsData(computer),
  }));
  // New computers in bulk (inventories run to tens of thousands); existing ones one by one.
  const fresh = rows.filter((row) => !existing.has(row.smsId));
  for (let start = 0; start < fresh.length; start += 500) await tx.computer.createMany({ data: fresh.slice(start, start + 500) });
  for (const { smsId, ...row } of rows.filter((candidate) => existing.has(candidate.smsId))) {
    await tx.computer.update({ where: { smsId }, data: { ...row, version: { increment: 1 } } });
  }
}

async function importQueries(tx: Transaction, document: SiteDocument) {
  for (const query of document.queries) {
    const data = { comment: query.comment, conditions: JSON.stringify(query.conditions) };
    await tx.inventoryQuery.upsert({ where: { name: query.name }, create: { name: query.name, ...data }, update: { ...data, version: { increment: 1 } } });
  }
}

async function importMachineGroups(tx: Transaction, document: SiteDocument) {
  const servers = await tx.server.findMany({ select: { id: true, name: true } });
  const serverIds = new Map(servers.map((server) => [server.name, server.id]));
  const queryIds = new Map((await tx.inventoryQuery.findMany({ select: { id: true, name: true } })).map((query) => [query.name, query.id]));
  for (const group of document.machineGroups) {
    const queryId = group.query ? (queryIds.get(group.query) ?? null) : null;
    const saved = await tx.machineGroup.upsert({
      where: { name: group.name },
      create: { name: group.name, comment: group.comment, queryId },
      update: { comment: group.comment, queryId, version: { increment: 1 } },
      select: { id: true },
    });
    await tx.machineGroupMember.deleteMany({ where: { machineGroupId: saved.id } });
    await tx.machineGroupMember.createMany({ data: group.members.map((smsId) => ({ machineGroupId: saved.id, smsId })) });
    await tx.machineGroupServer.deleteMany({ where: { machineGroupId: saved.id } });
    await tx.machineGroupServer.createMany({ data: group.servers.map((name) => ({ machineGroupId: saved.id, serverId: serverIds.get(name) as number })) });
  }
}

async function importPackages(tx: Transaction, document: SiteDocument) {
  const serverIds = new Map((await tx.server.findMany({ select: { id: true, name: true } })).map((server) => [server.name, server.id]));
  for (const { packageId, commandLines, distributionServers, sharing, inventory, ...fields } of document.packages) {
    const pkg = { ...fields, ...packageSourceFactsData(fields), ...packagePropertySetsData({ sharing, inventory }) };
    await tx.package.upsert({ where: { packageId }, create: { packageId, ...pkg }, update: { ...pkg, version: { increment: 1 } } });
    await replaceDetectionFiles(tx, packageId, inventory?.files ?? []);
    await tx.packageServer.deleteMany({ where: { packageId } });
    await tx.packageServer.createMany({ data: distributionServers.map((name) => ({ packageId, serverId: serverIds.get(name) as number })) });
    // Command lines are matched by name so those that stay keep their IDs.
    const existing = await tx.workstationCommandLine.findMany({ where: { packageId }, select: { id: true, commandName: true } });
    const idByName = new Map(existing.map((line) => [line.commandName, line.id]));
    const names = new Set(commandLines.map((line) => line.commandName));
    const dropped = await tx.workstationCommandLine.findMany({ where: { packageId, commandName: { notIn: [...names] }, jobs: { some: {} } }, select: { commandName: true } });
    if (dropped.length > 0) {
      const index = document.packages.findIndex((candidate) => candidate.packageId === packageId);
      throw new DomainError("invalid", "The site document drops command lines that jobs run; nothing was imported", dropped.map((line) => ({ path: `packages[${index}].commandLines`, message: `Command line "${line.commandName}" of ${packageId} is run by a job and cannot be removed` })));
    }
    await tx.workstationCommandLine.deleteMany({ where: { packageId, commandName: { notIn: [...names] } } });
    for (const [position, { id: _id, ...line }] of commandLines.entries()) {
      const data = {
        ...line,
        position,
        isUserInputRequired: line.isUserInputRequired ?? null,
        requiresAdministratorRights: line.requiresAdministratorRights ?? null,
        supportedPlatforms: formatPlatformList(line.supportedPlatforms),
      };
      const id = idByName.get(line.commandName);
      if (id === undefined) await tx.workstationCommandLine.create({ data: { ...data, packageId } });
      else await tx.workstationCommandLine.update({ where: { id }, data });
    }
  }
}

/** Counters never go back, and never below an imported ID, so allocation cannot reuse one. */
async function advanceSiteCounters(tx: Transaction, document: SiteDocument) {
  const sites = await tx.site.findMany({ select: { code: true, nextPackageNumber: true, nextJobNumber: true, nextRequestNumber: true } });
  const declared = new Map(document.sites.map((site) => [site.code, site.lastAllocated]));
  for (const site of sites) {
    const highest = (ids: (string | undefined)[]) => Math.max(0, ...ids.map((id) => (id ? (sequenceOf(id, site.code) ?? 0) : 0)));
    const nextPackageNumber = Math.max(site.nextPackageNumber, declared.get(site.code)?.package ?? 0, highest(document.packages.map((pkg) => pkg.packageId)));
    const nextJobNumber = Math.max(site.nextJobNumber, declared.get(site.code)?.job ?? 0, highest(document.jobs.map((job) => job.jobId)));
    const nextRequestNumber = Math.max(site.nextRequestNumber, declared.get(site.code)?.request ?? 0, highest(document.jobs.map((job) => job.requestId)));
    if (nextPackageNumber !== site.nextPackageNumber || nextJobNumber !== site.nextJobNumber || nextRequestNumber !== site.nextRequestNumber) {
      await tx.site.update({ where: { code: site.code }, data: { nextPackageNumber, nextJobNumber, nextRequestNumber } });
    }
  }
}

import "server-only";
import { parseStoredConditions } from "../inventory/queries";
import { parseHotfixList, type ComputerInput } from "../../computers/schema";
import { db } from "../../db";
import type { MachineGroupInput } from "../../machine-groups/schema";
import type { DocumentPackage } from "../../packages/schema";
import { packagePropertySetsOf, propertySetColumnsSelect } from "../packages/packages";
import { parsePlatformList } from "../../platforms";
import type { ServerInput } from "../../servers/schema";
import { SITE_DOCUMENT_FORMAT, SITE_DOCUMENT_VERSION, type SiteDocument } from "../../site-document/schema";
import { parseBusinessDays, type DocumentSite } from "../../sites/schema";
import { exportJobs } from "./site-document-jobs";
import { authorize } from "../accounts/session";

/** Drops null and undefined fields so the document only says what is set. */
function present<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)) as T;
}

/** The whole database as one site document, in a stable order so exports can be compared. */
export async function exportSiteDocument(): Promise<SiteDocument> {
  await authorize("console:read");
  const [sites, servers, computers, machineGroups, packages, queries] = await Promise.all([
    db.site.findMany({ orderBy: { code: "asc" } }),
    db.server.findMany({ orderBy: { name: "asc" } }),
    db.computer.findMany({ orderBy: { smsId: "asc" }, include: { logonServer: { select: { name: true } } } }),
    db.machineGroup.findMany({
      orderBy: { name: "asc" },
      include: { members: { orderBy: { smsId: "asc" } }, servers: { include: { server: { select: { name: true } } } }, query: { select: { name: true } } },
    }),
    db.package.findMany({
      orderBy: { packageId: "asc" },
      include: {
        commandLines: { orderBy: { position: "asc" } },
        servers: { select: { server: { select: { name: true } } } },
        detectionFiles: { select: propertySetColumnsSelect.detectionFiles.select, orderBy: { position: "asc" } },
      },
    }),
    db.inventoryQuery.findMany({ orderBy: { name: "asc" }, select: { name: true, comment: true, conditions: true } }),
  ]);
  return {
    format: SITE_DOCUMENT_FORMAT,
    version: SITE_DOCUMENT_VERSION,
    sites: sites.map(
      (site): DocumentSite =>
        present({
          code: site.code,
          name: site.name,
          parentCode: site.parentCode,
          smsVersion: site.smsVersion as DocumentSite["smsVersion"],
          servicePack: site.servicePack,
          pcmPollingIntervalMinutes: site.pcmPollingIntervalMinutes,
          inventoryIntervalDays: site.inventoryIntervalDays,
          isPcmEnabled: site.isPcmEnabled,
          businessDays: parseBusinessDays(site.businessDays),
          businessHoursStart: site.businessHoursStart,
          businessHoursEnd: site.businessHoursEnd,
          siteServerFreeDiskMegabytes: site.siteServerFreeDiskMegabytes,
          utcOffsetMinutes: site.utcOffsetMinutes,
          isDaylightSavingAdjusted: site.isDaylightSavingAdjusted,
          lastAllocated: { package: site.nextPackageNumber, job: site.nextJobNumber, request: site.nextRequestNumber },
        }) as DocumentSite,
    ),
    servers: servers.map(
      (server): ServerInput =>
        present({
          name: server.name,
          siteCode: server.siteCode,
          isLogonServer: server.isLogonServer,
          isDistributionServer: server.isDistributionServer,
          packageShare: server.packageShare,
          serverType: server.serverType,
          fileSystem: server.fileSystem as ServerInput["fileSystem"],
          hasServicesForMacintosh: server.hasServicesForMacintosh,
          macintoshZone: server.macintoshZone,
          isRemovedFromHierarchy: server.isRemovedFromHierarchy,
        }) as ServerInput,
    ),
    computers: computers.map((computer) => {
      const { logonServer, logonServerId: _id, version: _version, createdAt: _created, updatedAt: _updated, ...fields } = computer;
      return present({ ...fields, installedPcmHotfixes: parseHotfixList(fields.installedPcmHotfixes), logonServer: logonServer?.name ?? null }) as unknown as ComputerInput;
    }),
    queries: queries.map((query) => ({ name: query.name, comment: query.comment, conditions: parseStoredConditions(query.conditions) })),
    machineGroups: machineGroups.map(
      (group): MachineGroupInput => ({
        name: group.name,
        comment: group.comment,
        members: group.members.map((member) => member.smsId),
        servers: group.servers.map((entry) => entry.server.name).sort(),
        query: group.query?.name,
      }),
    ),
    packages: packages.map(
      (pkg): DocumentPackage => ({
        packageId: pkg.packageId,
        siteCode: pkg.siteCode,
        name: pkg.name,
        comments: pkg.comments,
        product: pkg.product,
        productVersion: pkg.productVersion,
        sourceDirectory: pkg.sourceDirectory,
        ...packagePropertySetsOf(pkg),
        sourceFileCount: pkg.sourceFileCount ?? undefined,
        sourceSizeMegabytes: pkg.sourceSizeMegabytes ?? undefined,
        hasLongFileNames: pkg.hasLongFileNames ?? undefined,
        isSourceOnNtfs: pkg.isSourceOnNtfs ?? undefined,
        hasSourceChangedSinceLastSend: pkg.hasSourceChangedSinceLastSend ?? undefined,
        distributionServers: pkg.servers.map((entry) => entry.server.name).sort(),
        commandLines: pkg.commandLines.map((line) => ({
          commandName: line.commandName,
          commandLine: line.commandLine,
          isAutomated: line.isAutomated,
          isSystemTask: line.isSystemTask,
          isUserInputRequired: line.isUserInputRequired ?? undefined,
          isSynchronousSystemExitRequired: line.isSynchronousSystemExitRequired,
          supportedPlatforms: parsePlatformList(line.supportedPlatforms),
          restartsComputer: line.restartsComputer,
          requiresAdministratorRights: line.requiresAdministratorRights ?? undefined,
        })),
      }),
    ),
    jobs: await exportJobs(),
  };
}

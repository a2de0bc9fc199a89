import "server-only";
import { cache } from "react";
import { db, type Transaction } from "../../db";
import { DomainError } from "../../errors";
import type { DetectionFileInput, PackageInput, PackageInventory, PackageSharing, ShareAccess, WorkstationCommandLineInput } from "../../packages/schema";
import type { ReviewCommandLine } from "../../rules/context";
import { formatPlatformList, parsePlatformList } from "../../platforms";
import { recordAudit } from "../audit/audit";
import { allocateId } from "../jobs/id-allocation";
import { countOf, listSome, pageWindow, refuseWhileInUse, requireUpdated, toPage, type Page } from "../console/records";
import { authorize } from "../accounts/session";

/** A command line as pages show it: exactly what the requirement rules read. */
export type WorkstationCommandLineDto = ReviewCommandLine;

/** The property sets a package is set up with, as SMS's Setup column listed them (Q167008, Q185342). */
export type PackagePropertySet = "Workstations" | "Sharing" | "Inventory";

export interface PackageSummary {
  packageId: string;
  siteCode: string;
  name: string;
  commandLineCount: number;
  propertySets: PackagePropertySet[];
}

/** Facts about the package source the requirement rules need; null = not recorded. */
export interface PackageSourceFacts {
  sourceFileCount: number | null;
  sourceSizeMegabytes: number | null;
  hasLongFileNames: boolean | null;
  isSourceOnNtfs: boolean | null;
  hasSourceChangedSinceLastSend: boolean | null;
}

export interface PackageDetail extends PackageSourceFacts {
  packageId: string;
  siteCode: string;
  name: string;
  comments: string;
  product: string;
  productVersion: string;
  sourceDirectory: string;
  sharing: PackageSharing | null;
  inventory: PackageInventory | null;
  version: number;
  commandLines: WorkstationCommandLineDto[];
}

const commandLineSelect = {
  id: true,
  commandName: true,
  commandLine: true,
  isAutomated: true,
  isSystemTask: true,
  isUserInputRequired: true,
  isSynchronousSystemExitRequired: true,
  supportedPlatforms: true,
  restartsComputer: true,
  requiresAdministratorRights: true,
} as const;

const sourceFactsSelect = {
  sourceFileCount: true,
  sourceSizeMegabytes: true,
  hasLongFileNames: true,
  isSourceOnNtfs: true,
  hasSourceChangedSinceLastSend: true,
} as const;

/** The recorded source facts, with null for each one not recorded (so an update clears it). */
export function packageSourceFactsData(input: Pick<PackageInput, keyof PackageSourceFacts>): PackageSourceFacts {
  return {
    sourceFileCount: input.sourceFileCount ?? null,
    sourceSizeMegabytes: input.sourceSizeMegabytes ?? null,
    hasLongFileNames: input.hasLongFileNames ?? null,
    isSourceOnNtfs: input.isSourceOnNtfs ?? null,
    hasSourceChangedSinceLastSend: input.hasSourceChangedSinceLastSend ?? null,
  };
}

const propertySetSelect = { shareName: true, inventoryThisPackage: true, _count: { select: { commandLines: true } } } as const;

/** Workstations when it has command lines (what a Run Command On Workstation job needs), Sharing and Inventory when set up. */
function propertySetsOf(row: { shareName: string | null; inventoryThisPackage: boolean | null; _count: { commandLines: number } }): PackagePropertySet[] {
  const sets: PackagePropertySet[] = [];
  if (row._count.commandLines > 0) sets.push("Workstations");
  if (row.shareName !== null) sets.push("Sharing");
  if (row.inventoryThisPackage !== null) sets.push("Inventory");
  return sets;
}

const detectionFileSelect = {
  fileName: true,
  isCollected: true,
  checksum: true,
  crc: true,
  date: true,
  size: true,
  time: true,
  byte: true,
  word: true,
  long: true,
  token1: true,
  token2: true,
  token3: true,
  token4: true,
} as const;

/** The Sharing and Inventory sets as columns; a set left out is stored as nulls (so an update clears it). */
export function packagePropertySetsData(input: Pick<PackageInput, "sharing" | "inventory">) {
  return {
    shareSourceDirectory: input.sharing?.sourceDirectory ?? null,
    shareName: input.sharing?.shareName ?? null,
    shareAccess: input.sharing?.access ?? null,
    inventoryThisPackage: input.inventory?.isInventoried ?? null,
    detectionRule: input.inventory ? input.inventory.detectionRule.replace(/\s+/g, " ").trim() : null,
  };
}

/** The Inventory set's detection files, replaced as a whole: they are numbered by position. */
export async function replaceDetectionFiles(tx: Transaction, packageId: string, files: readonly DetectionFileInput[]) {
  await tx.packageDetectionFile.deleteMany({ where: { packageId } });
  await tx.packageDetectionFile.createMany({ data: files.map((file, position) => ({ ...file, packageId, position })) });
}

type PropertySetRow = {
  shareSourceDirectory: string | null;
  shareName: string | null;
  shareAccess: string | null;
  inventoryThisPackage: boolean | null;
  detectionRule: string | null;
  detectionFiles: DetectionFileInput[];
};

/** The Sharing and Inventory sets of a stored package, as the package schema reads them. */
export function packagePropertySetsOf(row: PropertySetRow): { sharing: PackageSharing | null; inventory: PackageInventory | null } {
  return {
    sharing: row.shareName === null ? null : { sourceDirectory: row.shareSourceDirectory ?? "", shareName: row.shareName, access: (row.shareAccess ?? "READ") as ShareAccess },
    inventory: row.inventoryThisPackage === null ? null : { isInventoried: row.inventoryThisPackage, detectionRule: row.detectionRule ?? "", files: row.detectionFiles },
  };
}

export const propertySetColumnsSelect = {
  shareSourceDirectory: true,
  shareName: true,
  shareAccess: true,
  inventoryThisPackage: true,
  detectionRule: true,
  detectionFiles: { select: detectionFileSelect, orderBy: { position: "asc" } },
} as const;

function toCommandLineDto(row: { supportedPlatforms: string } & Omit<WorkstationCommandLineDto, "supportedPlatforms">): WorkstationCommandLineDto {
  return { ...row, supportedPlatforms: parsePlatformList(row.supportedPlatforms) };
}

export async function listPackages(options: { search?: string; page: number }): Promise<Page<PackageSummary>> {
  await authorize("console:read");
  const search = options.search?.trim();
  const where = search ? { OR: [{ packageId: { contains: search.toUpperCase() } }, { name: { contains: search } }] } : {};
  const [rows, total] = await Promise.all([
    db.package.findMany({
      where,
      orderBy: { packageId: "asc" },
      ...pageWindow(options.page),
      select: { packageId: true, siteCode: true, name: true, ...propertySetSelect },
    }),
    db.package.count({ where }),
  ]);
  const items = rows.map(({ packageId, siteCode, name, ...sets }) => ({ packageId, siteCode, name, commandLineCount: sets._count.commandLines, propertySets: propertySetsOf(sets) }));
  return toPage(items, total, options.page);
}

/** A package with its command lines, as its page shows it. */
const packageDetailSelect = {
  packageId: true,
  siteCode: true,
  name: true,
  comments: true,
  product: true,
  productVersion: true,
  sourceDirectory: true,
  ...propertySetColumnsSelect,
  ...sourceFactsSelect,
  version: true,
  commandLines: { select: commandLineSelect, orderBy: { position: "asc" } },
} as const;

export const getPackage = cache(async (packageId: string): Promise<PackageDetail | null> => {
  await authorize("console:read");
  const row = await db.package.findUnique({ where: { packageId }, select: packageDetailSelect });
  if (!row) return null;
  const { shareSourceDirectory, shareName, shareAccess, inventoryThisPackage, detectionRule, detectionFiles, ...rest } = row;
  return { ...rest, ...packagePropertySetsOf({ shareSourceDirectory, shareName, shareAccess, inventoryThisPackage, detectionRule, detectionFiles }), commandLines: row.commandLines.map(toCommandLineDto) };
});

/** A package as the audit trail records it: the same fields and command lines the page shows. */
const auditSelect = packageDetailSelect;

function commandLineData(commandLine: WorkstationCommandLineInput, position: number) {
  return {
    position,
    commandName: commandLine.commandName,
    commandLine: commandLine.commandLine,
    isAutomated: commandLine.isAutomated,
    isSystemTask: commandLine.isSystemTask,
    isUserInputRequired: commandLine.isUserInputRequired ?? null,
    isSynchronousSystemExitRequired: commandLine.isSynchronousSystemExitRequired,
    supportedPlatforms: formatPlatformList(commandLine.supportedPlatforms),
    restartsComputer: commandLine.restartsComputer,
    requiresAdministratorRights: commandLine.requiresAdministratorRights ?? null,
  };
}

/** Creates a package with its property sets; `detail` says where it came from in the audit trail (e.g. a PDF import). */
export async function createPackage(options: { input: PackageInput; detail?: string }): Promise<string> {
  const actor = await authorize("packages:write", { type: "package" });
  const { input } = options;
  return db.$transaction(async (tx) => {
    const site = await tx.site.findUnique({ where: { code: input.siteCode }, select: { code: true } });
    if (!site) throw new DomainError("invalid", `Site ${input.siteCode} does not exist`, [{ path: "siteCode", message: `Site ${input.siteCode} does not exist` }]);
    // Package IDs are allocated by the owning site and never reused.
    const packageId = await allocateId(tx, { siteCode: input.siteCode, kind: "package", isTaken: async (id) => (await tx.package.count({ where: { packageId: id } })) > 0 });
    await tx.package.create({
      data: {
        packageId,
        siteCode: input.siteCode,
        name: input.name,
        comments: input.comments,
        product: input.product,
        productVersion: input.productVersion,
        sourceDirectory: input.sourceDirectory,
        ...packagePropertySetsData(input),
        ...packageSourceFactsData(input),
        commandLines: { create: input.commandLines.map(commandLineData) },
      },
    });
    await replaceDetectionFiles(tx, packageId, input.inventory?.files ?? []);
    const after = await tx.package.findUniqueOrThrow({ where: { packageId }, select: auditSelect });
    await recordAudit(tx, { actor, action: "package.create", objectType: "package", objectId: packageId, before: null, after, ...(options.detail ? { detail: options.detail } : {}) });
    return packageId;
  });
}

/** `alsoInTransaction` records what caused the change (a job's applied fix) in the same transaction. */
export async function updatePackage(options: { packageId: string; version: number; input: PackageInput; alsoInTransaction?: (tx: Transaction) => Promise<void> }): Promise<void> {
  const actor = await authorize("packages:write", { type: "package", id: options.packageId });
  const { packageId, version, input } = options;
  await db.$transaction(async (tx) => {
    const before = await tx.package.findUnique({ where: { packageId }, select: auditSelect });
    const updated = await tx.package.updateMany({
      where: { packageId, version },
      data: {
        name: input.name,
        comments: input.comments,
        product: input.product,
        productVersion: input.productVersion,
        sourceDirectory: input.sourceDirectory,
        ...packagePropertySetsData(input),
        ...packageSourceFactsData(input),
        version: { increment: 1 },
      },
    });
    await requireUpdated(updated.count, async () => before !== null, `Package ${packageId}`);
    await replaceCommandLines(tx, packageId, input.commandLines);
    await replaceDetectionFiles(tx, packageId, input.inventory?.files ?? []);
    const after = await tx.package.findUniqueOrThrow({ where: { packageId }, select: auditSelect });
    await recordAudit(tx, { actor, action: "package.update", objectType: "package", objectId: packageId, before, after });
    await options.alsoInTransaction?.(tx);
  });
}

/** Keeps the IDs of command lines that stay (jobs refer to them), adds new ones, removes the rest. */
async function replaceCommandLines(tx: Transaction, packageId: string, commandLines: WorkstationCommandLineInput[]) {
  const existing = await tx.workstationCommandLine.findMany({ where: { packageId }, select: { id: true } });
  const existingIds = new Set(existing.map((row) => row.id));
  commandLines.forEach((commandLine, index) => {
    if (commandLine.id !== undefined && !existingIds.has(commandLine.id)) {
      throw new DomainError("invalid", "A command line does not belong to this package", [{ path: `commandLines.${index}.id`, message: "This command line does not belong to the package" }]);
    }
  });
  const keptIds = new Set(commandLines.flatMap((commandLine) => (commandLine.id === undefined ? [] : [commandLine.id])));
  const removedInUse = await tx.workstationCommandLine.findMany({
    where: { packageId, id: { notIn: [...keptIds] }, jobs: { some: {} } },
    select: { commandName: true, jobs: { select: { jobId: true }, orderBy: { jobId: "asc" } } },
  });
  if (removedInUse.length > 0) {
    const uses = removedInUse.map((line) => `"${line.commandName}" is run by job ${listSome(line.jobs.map((job) => job.jobId))}`);
    throw new DomainError("in_use", `A command line that jobs use cannot be removed: ${uses.join("; ")}`);
  }
  await tx.workstationCommandLine.deleteMany({ where: { packageId, id: { notIn: [...keptIds] } } });
  // Two lines may swap names in one save; park the kept ones on unique names first. A control
  // character no command name may hold (they are printable Latin-1); not NUL, which PostgreSQL text refuses.
  for (const id of keptIds) await tx.workstationCommandLine.update({ where: { id }, data: { commandName: `\u0001${id}` } });
  for (const [position, commandLine] of commandLines.entries()) {
    const data = commandLineData(commandLine, position);
    if (commandLine.id === undefined) await tx.workstationCommandLine.create({ data: { ...data, packageId } });
    else await tx.workstationCommandLine.update({ where: { id: commandLine.id }, data });
  }
}

export async function deletePackage(options: { packageId: string }): Promise<void> {
  const actor = await authorize("packages:write", { type: "package", id: options.packageId });
  const { packageId } = options;
  await db.$transaction(async (tx) => {
    const found = await tx.package.findUnique({ where: { packageId }, select: { ...auditSelect, jobs: { select: { jobId: true }, orderBy: { jobId: "asc" } } } });
    if (!found) throw new DomainError("not_found", `Package ${packageId} does not exist`);
    // Jobs keep the package's ID in their history and clients' files (Q269768).
    refuseWhileInUse(`Package ${packageId}`, found.jobs.length ? [`${countOf(found.jobs.length, "job")} (${listSome(found.jobs.map((job) => job.jobId))})`] : []);
    await tx.package.delete({ where: { packageId } });
    const { jobs: _jobs, ...before } = found;
    await recordAudit(tx, { actor, action: "package.delete", objectType: "package", objectId: packageId, before, after: null });
  });
}

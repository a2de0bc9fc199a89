import "server-only";
import { cache } from "react";
import { db, type Transaction } from "../../db";
import { DomainError } from "../../errors";
import type { ReviewServer } from "../../rules/context";
import type { FileSystem, ServerInput } from "../../servers/schema";
import { recordAudit } from "../audit/audit";
import { countOf, refuseWhileInUse, refusingRaces, requireUpdated } from "../console/records";
import { authorize } from "../accounts/session";

/** A server as pages show it: the facts the requirement rules read, plus its row ID and version. */
export interface ServerDto extends ReviewServer {
  id: number;
  version: number;
}

const serverSelect = {
  id: true,
  name: true,
  siteCode: true,
  isLogonServer: true,
  isDistributionServer: true,
  packageShare: true,
  serverType: true,
  fileSystem: true,
  hasServicesForMacintosh: true,
  macintoshZone: true,
  isRemovedFromHierarchy: true,
  version: true,
} as const;

type ServerRow = Omit<ServerDto, "fileSystem"> & { fileSystem: string };
const toServerDto = (row: ServerRow): ServerDto => ({ ...row, fileSystem: row.fileSystem as FileSystem });

export async function listServers(options: { siteCode?: string } = {}): Promise<ServerDto[]> {
  await authorize("console:read");
  const rows = await db.server.findMany({ where: { siteCode: options.siteCode }, orderBy: { name: "asc" }, select: serverSelect });
  return rows.map(toServerDto);
}

export const getServer = cache(async (name: string): Promise<ServerDto | null> => {
  await authorize("console:read");
  const row = await db.server.findUnique({ where: { name }, select: serverSelect });
  return row && toServerDto(row);
});

function serverData(input: ServerInput) {
  return {
    siteCode: input.siteCode,
    isLogonServer: input.isLogonServer,
    isDistributionServer: input.isDistributionServer,
    packageShare: input.packageShare,
    serverType: input.serverType,
    fileSystem: input.fileSystem,
    hasServicesForMacintosh: input.hasServicesForMacintosh,
    macintoshZone: input.macintoshZone ?? null,
    isRemovedFromHierarchy: input.isRemovedFromHierarchy ?? null,
  };
}

async function requireSite(tx: Transaction, siteCode: string) {
  if (!(await tx.site.findUnique({ where: { code: siteCode }, select: { code: true } }))) {
    throw new DomainError("invalid", `Site ${siteCode} does not exist`, [{ path: "siteCode", message: `Site ${siteCode} does not exist` }]);
  }
}

export async function createServer(options: { input: ServerInput }): Promise<void> {
  const actor = await authorize("sites:write", { type: "server", id: options.input.name });
  const { input } = options;
  const duplicate = new DomainError("invalid", `Server ${input.name} already exists`, [{ path: "name", message: `Server ${input.name} already exists` }]);
  await refusingRaces(
    () =>
      db.$transaction(async (tx) => {
        await requireSite(tx, input.siteCode);
        if (await tx.server.findUnique({ where: { name: input.name }, select: { id: true } })) throw duplicate;
        const after = await tx.server.create({ data: { name: input.name, ...serverData(input) }, select: serverSelect });
        await recordAudit(tx, { actor, action: "server.create", objectType: "server", objectId: input.name, before: null, after });
      }),
    { duplicate },
  );
}

export async function updateServer(options: { name: string; version: number; input: ServerInput }): Promise<void> {
  const actor = await authorize("sites:write", { type: "server", id: options.name });
  const { name, version, input } = options;
  await db.$transaction(async (tx) => {
    await requireSite(tx, input.siteCode);
    const before = await tx.server.findUnique({ where: { name }, select: serverSelect });
    const updated = await tx.server.updateMany({ where: { name, version }, data: { ...serverData(input), version: { increment: 1 } } });
    await requireUpdated(updated.count, async () => before !== null, `Server ${name}`);
    const after = await tx.server.findUniqueOrThrow({ where: { name }, select: serverSelect });
    await recordAudit(tx, { actor, action: "server.update", objectType: "server", objectId: name, before, after });
  });
}

export async function deleteServer(options: { name: string }): Promise<void> {
  const actor = await authorize("sites:write", { type: "server", id: options.name });
  const refusals = { duplicate: new DomainError("conflict", `Server ${options.name} changed meanwhile`), inUse: new DomainError("in_use", `Server ${options.name} cannot be deleted: it was put in use meanwhile`) };
  await refusingRaces(
    () =>
      db.$transaction(async (tx) => {
        const server = await tx.server.findUnique({
          where: { name: options.name },
          select: { ...serverSelect, _count: { select: { loggedOnComputers: true, machineGroups: true, packages: true } } },
        });
        if (!server) throw new DomainError("not_found", `Server ${options.name} does not exist`);
        const { _count, ...before } = server;
        const { loggedOnComputers, machineGroups, packages } = _count;
        refuseWhileInUse(`Server ${options.name}`, [
          ...(loggedOnComputers ? [`${countOf(loggedOnComputers, "computer")} as their logon server`] : []),
          ...(machineGroups ? [countOf(machineGroups, "machine group")] : []),
          ...(packages ? [`${countOf(packages, "package")} distributed to it`] : []),
        ]);
        await tx.server.delete({ where: { id: server.id } });
        await recordAudit(tx, { actor, action: "server.delete", objectType: "server", objectId: options.name, before, after: null });
      }),
    refusals,
  );
}

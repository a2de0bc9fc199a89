import "server-only";
import { cache } from "react";
import { db } from "../db";
import { DomainError } from "../errors";
import type { ReviewServer } from "../rules/context";
import type { FileSystem, ServerInput } from "../servers/schema";
import { countOf, refuseWhileInUse, refusingRaces, requireUpdated } from "./records";

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
  const rows = await db.server.findMany({ where: { siteCode: options.siteCode }, orderBy: { name: "asc" }, select: serverSelect });
  return rows.map(toServerDto);
}

export const getServer = cache(async (name: string): Promise<ServerDto | null> => {
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

async function requireSite(siteCode: string) {
  if (!(await db.site.findUnique({ where: { code: siteCode }, select: { code: true } }))) {
    throw new DomainError("invalid", `Site ${siteCode} does not exist`, [{ path: "siteCode", message: `Site ${siteCode} does not exist` }]);
  }
}

export async function createServer(options: { input: ServerInput }): Promise<void> {
  const { input } = options;
  await requireSite(input.siteCode);
  if (await db.server.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw new DomainError("invalid", `Server ${input.name} already exists`, [{ path: "name", message: `Server ${input.name} already exists` }]);
  }
  const duplicate = new DomainError("invalid", `Server ${input.name} already exists`, [{ path: "name", message: `Server ${input.name} already exists` }]);
  await refusingRaces(() => db.server.create({ data: { name: input.name, ...serverData(input) } }), { duplicate });
}

export async function updateServer(options: { name: string; version: number; input: ServerInput }): Promise<void> {
  const { name, version, input } = options;
  await requireSite(input.siteCode);
  const updated = await db.server.updateMany({ where: { name, version }, data: { ...serverData(input), version: { increment: 1 } } });
  await requireUpdated(updated.count, async () => (await db.server.count({ where: { name } })) > 0, `Server ${name}`);
}

export async function deleteServer(options: { name: string }): Promise<void> {
  const server = await db.server.findUnique({
    where: { name: options.name },
    select: { id: true, _count: { select: { loggedOnComputers: true, machineGroups: true, packages: true } } },
  });
  if (!server) throw new DomainError("not_found", `Server ${options.name} does not exist`);
  const { loggedOnComputers, machineGroups, packages } = server._count;
  refuseWhileInUse(`Server ${options.name}`, [
    ...(loggedOnComputers ? [`${countOf(loggedOnComputers, "computer")} as their logon server`] : []),
    ...(machineGroups ? [countOf(machineGroups, "machine group")] : []),
    ...(packages ? [`${countOf(packages, "package")} distributed to it`] : []),
  ]);
  await refusingRaces(() => db.server.delete({ where: { id: server.id } }), { duplicate: new DomainError("conflict", `Server ${options.name} changed meanwhile`), inUse: new DomainError("in_use", `Server ${options.name} cannot be deleted: it was put in use meanwhile`) });
}

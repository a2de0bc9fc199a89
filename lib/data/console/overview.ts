import "server-only";
import { db } from "../../db";
import { authorize } from "../accounts/session";

export interface ConsoleTotals {
  sites: number;
  servers: number;
  computers: number;
  machineGroups: number;
  packages: number;
  commandLines: number;
}

export async function getConsoleTotals(): Promise<ConsoleTotals> {
  await authorize("console:read");
  const [sites, servers, computers, machineGroups, packages, commandLines] = await Promise.all([
    db.site.count(),
    db.server.count(),
    db.computer.count(),
    db.machineGroup.count(),
    db.package.count(),
    db.workstationCommandLine.count(),
  ]);
  return { sites, servers, computers, machineGroups, packages, commandLines };
}

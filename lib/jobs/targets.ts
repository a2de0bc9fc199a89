import { evaluateQuery, type QueryComputer } from "../queries/evaluate";
import type { QueryCondition } from "../queries/schema";
import type { PcmVariant } from "../platforms";
import type { JobTarget } from "./schema";

/** What target resolution needs to know of a computer in inventory: what queries look at. */
export interface InventoryComputer extends QueryComputer {
  pcmVariant: PcmVariant;
}

export interface TargetInventory {
  computers: readonly InventoryComputer[];
  /** Members (SMS IDs) of each machine group, by group ID. */
  machineGroupMembers: ReadonlyMap<number, readonly string[]>;
  /** Each saved query's conditions, by query ID. */
  queries: ReadonlyMap<number, readonly QueryCondition[]>;
  /** Parent of each site, for Limit To Sites with "include subsites". */
  parentOfSite: ReadonlyMap<string, string | null>;
}

export interface TargetResolution {
  smsIds: string[];
  /** SMS IDs the target names that are not in inventory (list-of-computers targets only). */
  unknownSmsIds: string[];
}

function matchesPart(pattern: string, value: string | null): boolean {
  const part = pattern.trim();
  return part === "*" || (value !== null && part.toUpperCase() === value.toUpperCase());
}

/** site|domain|computername with * for any part (Q161520). */
export function matchesMachinePath(machinePath: string, computer: InventoryComputer): boolean {
  const [site = "", domain = "", name = ""] = machinePath.split("|");
  return matchesPart(site, computer.siteCode) && matchesPart(domain, computer.ntDomain) && matchesPart(name, computer.name);
}

/** The site and, with "include subsites", every site below it. */
export function sitesWithin(siteCode: string, includeSubsites: boolean, parentOfSite: ReadonlyMap<string, string | null>): Set<string> {
  const sites = new Set([siteCode]);
  if (!includeSubsites) return sites;
  for (const candidate of parentOfSite.keys()) {
    const seen = new Set<string>();
    let current = parentOfSite.get(candidate) ?? null;
    while (current && !seen.has(current)) {
      if (current === siteCode) {
        sites.add(candidate);
        break;
      }
      seen.add(current);
      current = parentOfSite.get(current) ?? null;
    }
  }
  return sites;
}

/**
 * The computers a job target names, after Limit To Sites and the platform and PCM filters,
 * sorted by SMS ID. This is what Send freezes as the job's target list.
 */
export function resolveTargets(target: JobTarget, inventory: TargetInventory): TargetResolution {
  const bySmsId = new Map(inventory.computers.map((computer) => [computer.smsId, computer]));
  let candidates: InventoryComputer[];
  let unknownSmsIds: string[] = [];
  switch (target.kind) {
    case "MACHINE_PATH":
      candidates = inventory.computers.filter((computer) => matchesMachinePath(target.machinePath ?? "", computer));
      break;
    case "COMPUTERS":
      candidates = target.smsIds.flatMap((smsId) => bySmsId.get(smsId) ?? []);
      unknownSmsIds = target.smsIds.filter((smsId) => !bySmsId.has(smsId));
      break;
    case "MACHINE_GROUP":
      candidates = (inventory.machineGroupMembers.get(target.machineGroupId ?? -1) ?? []).flatMap((smsId) => bySmsId.get(smsId) ?? []);
      break;
    case "QUERY": {
      // A saved query that is gone matches nothing, as a gone machine group does.
      const conditions = target.queryId === undefined ? [] : inventory.queries.get(target.queryId);
      candidates = conditions ? inventory.computers.filter((computer) => evaluateQuery({ conditions }, computer)) : [];
      break;
    }
    // Server jobs name servers, never computers: nothing of theirs reaches a client.
    case "SERVER_GROUP":
    case "SERVERS":
      candidates = [];
      break;
  }
  const sites = target.limitToSiteCode ? sitesWithin(target.limitToSiteCode, target.includeSubsites, inventory.parentOfSite) : null;
  const platforms = target.platforms.length > 0 ? new Set<string>(target.platforms) : null;
  const pcmVariants = target.pcmVariants.length > 0 ? new Set<string>(target.pcmVariants) : null;
  const smsIds = [
    ...new Set(
      candidates
        .filter((computer) => (!sites || sites.has(computer.siteCode)) && (!platforms || platforms.has(computer.platform)) && (!pcmVariants || pcmVariants.has(computer.pcmVariant)))
        .map((computer) => computer.smsId),
    ),
  ].sort();
  return { smsIds, unknownSmsIds };
}

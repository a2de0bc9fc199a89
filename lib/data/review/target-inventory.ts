import "server-only";
import type { Transaction } from "../../db";
import type { TargetInventory } from "../../jobs/targets";
import type { PcmVariant } from "../../platforms";
import { evaluateQuery, type QueryComputer } from "../../queries/evaluate";
import type { QueryCondition } from "../../queries/schema";
import { loadQueryComputers, loadQueryConditions } from "../inventory/queries";

/**
 * Inventory as target resolution needs it, read in one pass (10,000 computers take a few ms). A
 * dynamic machine group's members are its query's result now, as MECM evaluates a query rule.
 */
export async function loadTargetInventory(tx: Transaction): Promise<TargetInventory> {
  const [computers, members, sites, queries, dynamicGroups] = await Promise.all([
    loadQueryComputers(tx),
    tx.machineGroupMember.findMany({ select: { machineGroupId: true, smsId: true }, orderBy: { smsId: "asc" } }),
    tx.site.findMany({ select: { code: true, parentCode: true } }),
    loadQueryConditions(tx),
    tx.machineGroup.findMany({ where: { queryId: { not: null } }, select: { id: true, queryId: true } }),
  ]);
  const machineGroupMembers = new Map<number, string[]>();
  for (const member of members) {
    const list = machineGroupMembers.get(member.machineGroupId) ?? [];
    list.push(member.smsId);
    machineGroupMembers.set(member.machineGroupId, list);
  }
  for (const group of dynamicGroups) machineGroupMembers.set(group.id, dynamicGroupMembers(computers, queries.get(group.queryId as number) ?? []));
  return {
    computers: computers.map((computer) => ({ ...computer, pcmVariant: computer.pcmVariant as PcmVariant })),
    machineGroupMembers,
    parentOfSite: new Map(sites.map((site) => [site.code, site.parentCode])),
    queries,
  };
}

/** A machine group made of a query: the SMS IDs of the computers its query's conditions match now. */
export function dynamicGroupMembers(computers: readonly QueryComputer[], conditions: readonly QueryCondition[]): string[] {
  return computers.filter((computer) => evaluateQuery({ conditions }, computer)).map((computer) => computer.smsId);
}

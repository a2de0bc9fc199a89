import "server-only";
import type { Transaction } from "../db";
import type { TargetInventory } from "../jobs/targets";
import type { PcmVariant } from "../platforms";
import { evaluateQuery } from "../queries/evaluate";
import { loadQueryComputers, loadQueryConditions } from "./queries";

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
  for (const group of dynamicGroups) {
    const conditions = queries.get(group.queryId as number) ?? [];
    machineGroupMembers.set(group.id, computers.filter((computer) => evaluateQuery({ conditions }, computer)).map((computer) => computer.smsId));
  }
  return {
    computers: computers.map((computer) => ({ ...computer, pcmVariant: computer.pcmVariant as PcmVariant })),
    machineGroupMembers,
    parentOfSite: new Map(sites.map((site) => [site.code, site.parentCode])),
    queries,
  };
}

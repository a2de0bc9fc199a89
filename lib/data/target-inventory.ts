import "server-only";
import type { Transaction } from "../db";
import type { TargetInventory } from "../jobs/targets";
import type { PcmVariant, Platform } from "../platforms";

/** Inventory as target resolution needs it, read in one pass (10,000 computers take a few ms). */
export async function loadTargetInventory(tx: Transaction): Promise<TargetInventory> {
  const [computers, members, sites] = await Promise.all([
    tx.computer.findMany({ select: { smsId: true, name: true, siteCode: true, ntDomain: true, platform: true, pcmVariant: true } }),
    tx.machineGroupMember.findMany({ select: { machineGroupId: true, smsId: true }, orderBy: { smsId: "asc" } }),
    tx.site.findMany({ select: { code: true, parentCode: true } }),
  ]);
  const machineGroupMembers = new Map<number, string[]>();
  for (const member of members) {
    const list = machineGroupMembers.get(member.machineGroupId) ?? [];
    list.push(member.smsId);
    machineGroupMembers.set(member.machineGroupId, list);
  }
  return {
    computers: computers.map((computer) => ({ ...computer, platform: computer.platform as Platform, pcmVariant: computer.pcmVariant as PcmVariant })),
    machineGroupMembers,
    parentOfSite: new Map(sites.map((site) => [site.code, site.parentCode])),
  };
}

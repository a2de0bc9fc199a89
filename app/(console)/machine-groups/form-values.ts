import type { MachineGroupDetail } from "@/lib/data/inventory/machine-groups";

export function groupToFormValues(group: MachineGroupDetail): Record<string, unknown> {
  return {
    name: group.name,
    comment: group.comment,
    version: group.version,
    members: group.memberIds.join("\n"),
    query: group.queryName ?? "",
    servers: group.servers.join("\n"),
  };
}

import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listMachineGroups } from "@/lib/data/inventory/machine-groups";
import { requirePermission } from "../access";
import { can } from "@/lib/access/roles";

export const metadata = { title: "Machine groups" };

export default async function MachineGroupsPage() {
  const actor = await requirePermission("console:read");
  const canChangeInventory = can(actor.role, "sites:write");
  const groups = await listMachineGroups();
  return (
    <>
      <PageHeader
        title="Machine groups"
        description="Named sets of computers to target, and of servers to distribute to."
        actions={
          canChangeInventory ? (
            <ButtonLink href="/machine-groups/new" variant="primary">
              New machine group
            </ButtonLink>
          ) : undefined
        }
      />
      <Table>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Comment</Th>
            <Th className="text-right">Computers</Th>
            <Th className="text-right">Servers</Th>
          </tr>
        </thead>
        <tbody>
          {groups.length === 0 && <EmptyRow colSpan={4}>No machine groups yet.</EmptyRow>}
          {groups.map((group) => (
            <tr key={group.id}>
              <Td>
                <Link href={`/machine-groups/${group.id}`}>{group.name}</Link>
              </Td>
              <Td>{group.comment}</Td>
              <Td className="text-right">
                {group.memberCount}
                {group.queryName && <span className="block text-xs text-slate-600">query {group.queryName}</span>}
              </Td>
              <Td className="text-right">{group.serverCount}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

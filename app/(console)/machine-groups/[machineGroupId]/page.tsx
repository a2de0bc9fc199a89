import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/delete-button";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { getMachineGroup, listMachineGroupMembers } from "@/lib/data/inventory/machine-groups";
import { pageNumberSchema } from "@/lib/schema-fields";
import { isPlatform, PLATFORM_LABELS } from "@/lib/platforms";
import { deleteMachineGroupAction } from "../actions";
import { parseMachineGroupId } from "../group-id";
import { requirePermission } from "../../access";
import { can } from "@/lib/access/roles";

export default async function MachineGroupPage({ params, searchParams }: PageProps<"/machine-groups/[machineGroupId]">) {
  const actor = await requirePermission("console:read");
  const canChangeInventory = can(actor.role, "sites:write");
  const id = parseMachineGroupId((await params).machineGroupId);
  const page = pageNumberSchema.parse((await searchParams).page);
  const [group, members] = id === null ? [null, null] : await Promise.all([getMachineGroup(id), listMachineGroupMembers({ id, page })]);
  if (!group || !members) notFound();
  return (
    <>
      <PageHeader
        title={group.name}
        description={group.queryName ? `${group.comment ? `${group.comment}. ` : ""}Its computers are the result of query ${group.queryName}, read whenever the group is used.` : group.comment}
        actions={
          canChangeInventory ? (
            <ButtonLink href={`/machine-groups/${group.id}/edit`} variant="primary">
              Edit
            </ButtonLink>
          ) : undefined
        }
      />
      <h2 className="mb-2 text-lg font-semibold">Computers ({members.total.toLocaleString("en-US")})</h2>
      <Table>
        <thead>
          <tr>
            <Th>SMS ID</Th>
            <Th>Name</Th>
            <Th>Site</Th>
            <Th>Platform</Th>
          </tr>
        </thead>
        <tbody>
          {members.items.length === 0 && <EmptyRow colSpan={4}>No computers in this group.</EmptyRow>}
          {members.items.map((member) => (
            <tr key={member.smsId}>
              <Td className="font-mono">
                <Link href={`/computers/${member.smsId}`}>{member.smsId}</Link>
              </Td>
              <Td>{member.name}</Td>
              <Td className="font-mono">{member.siteCode}</Td>
              <Td>{isPlatform(member.platform) ? PLATFORM_LABELS[member.platform] : member.platform}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={members.page} pageCount={members.pageCount} total={members.total} noun="member" hrefFor={(target) => `/machine-groups/${group.id}?page=${target}`} />
      <h2 className="mt-6 mb-2 text-lg font-semibold">Servers ({group.servers.length})</h2>
      <p className="text-sm">{group.servers.length ? group.servers.join(", ") : "No servers in this group."}</p>
      {canChangeInventory && (
        <div className="mt-8 border-t border-slate-200 pt-4">
          <DeleteButton action={deleteMachineGroupAction.bind(null, group.id)} what={`machine group ${group.name}`} />
        </div>
      )}
    </>
  );
}

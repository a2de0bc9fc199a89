import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getMachineGroup } from "@/lib/data/inventory/machine-groups";
import { listQueries } from "@/lib/data/inventory/queries";
import { updateMachineGroupAction } from "../../actions";
import { groupToFormValues } from "../../form-values";
import { parseMachineGroupId } from "../../group-id";
import { MachineGroupForm } from "../../machine-group-form";
import { requirePermission } from "../../../access";

export default async function EditMachineGroupPage({ params }: PageProps<"/machine-groups/[machineGroupId]/edit">) {
  await requirePermission("sites:write");
  const id = parseMachineGroupId((await params).machineGroupId);
  const group = id === null ? null : await getMachineGroup(id);
  if (!group) notFound();
  return (
    <>
      <PageHeader title={`Edit ${group.name}`} />
      <MachineGroupForm action={updateMachineGroupAction.bind(null, group.id)} initialValues={groupToFormValues(group)} isNew={false} cancelHref={`/machine-groups/${group.id}`} queries={await listQueries()} />
    </>
  );
}

import { PageHeader } from "@/components/ui/page-header";
import { listQueries } from "@/lib/data/inventory/queries";
import { createMachineGroupAction } from "../actions";
import { MachineGroupForm } from "../machine-group-form";
import { requirePermission } from "../../access";

export const metadata = { title: "New machine group" };

export default async function NewMachineGroupPage() {
  await requirePermission("sites:write");
  return (
    <>
      <PageHeader title="New machine group" />
      <MachineGroupForm action={createMachineGroupAction} initialValues={{}} isNew cancelHref="/machine-groups" queries={await listQueries()} />
    </>
  );
}

import { PageHeader } from "@/components/ui/page-header";
import { createMachineGroupAction } from "../actions";
import { MachineGroupForm } from "../machine-group-form";

export const metadata = { title: "New machine group" };

export default function NewMachineGroupPage() {
  return (
    <>
      <PageHeader title="New machine group" />
      <MachineGroupForm action={createMachineGroupAction} initialValues={{}} isNew cancelHref="/machine-groups" />
    </>
  );
}

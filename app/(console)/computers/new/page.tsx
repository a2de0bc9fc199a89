import { PageHeader } from "@/components/ui/page-header";
import { listSiteChoices } from "@/lib/data/sites/sites";
import { createComputerAction } from "../actions";
import { ComputerForm } from "../computer-form";
import { requirePermission } from "../../access";

export const metadata = { title: "Add computer" };

export default async function NewComputerPage() {
  await requirePermission("sites:write");
  const sites = await listSiteChoices();
  return (
    <>
      <PageHeader title="Add computer" description="Inventory normally arrives in a site document (Import / Export); add one computer here by hand." />
      <ComputerForm action={createComputerAction} initialValues={{ smsClientVersion: "1.2", networkLink: "FAST" }} sites={sites} isNew cancelHref="/computers" />
    </>
  );
}

import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getComputer } from "@/lib/data/inventory/computers";
import { listSiteChoices } from "@/lib/data/sites/sites";
import { updateComputerAction } from "../../actions";
import { ComputerForm } from "../../computer-form";
import { requirePermission } from "../../../access";

export async function generateMetadata({ params }: PageProps<"/computers/[smsId]/edit">) {
  return { title: `Edit ${(await params).smsId}` };
}

export default async function EditComputerPage({ params }: PageProps<"/computers/[smsId]/edit">) {
  await requirePermission("sites:write");
  const { smsId } = await params;
  const [computer, sites] = await Promise.all([getComputer(smsId), listSiteChoices()]);
  if (!computer) notFound();
  return (
    <>
      <PageHeader title={`Edit ${computer.name}`} description={<span className="font-mono">{computer.smsId}</span>} />
      <ComputerForm action={updateComputerAction.bind(null, computer.smsId)} initialValues={{ ...computer }} sites={sites} isNew={false} cancelHref={`/computers/${computer.smsId}`} />
    </>
  );
}

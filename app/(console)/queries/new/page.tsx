import { PageHeader } from "@/components/ui/page-header";
import { createQueryAction, previewQueryAction } from "../actions";
import { QueryForm } from "../query-form";
import { requirePermission } from "../../access";

export const metadata = { title: "New query" };

export default async function NewQueryPage() {
  await requirePermission("sites:write");
  return (
    <>
      <PageHeader title="New query" description="Conditions on inventory; the count below shows how many computers match now." />
      <QueryForm action={createQueryAction} previewAction={previewQueryAction} initialValues={{}} isNew cancelHref="/queries" />
    </>
  );
}

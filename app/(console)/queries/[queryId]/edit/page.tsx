import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getQuery } from "@/lib/data/inventory/queries";
import { previewQueryAction, updateQueryAction } from "../../actions";
import { queryToFormValues } from "../../form-values";
import { parseQueryId } from "../../query-id";
import { QueryForm } from "../../query-form";
import { requirePermission } from "../../../access";

export default async function EditQueryPage({ params }: PageProps<"/queries/[queryId]/edit">) {
  await requirePermission("sites:write");
  const id = parseQueryId((await params).queryId);
  const query = id === null ? null : await getQuery(id);
  if (!query) notFound();
  return (
    <>
      <PageHeader title={`Edit ${query.name}`} />
      <QueryForm action={updateQueryAction.bind(null, query.id)} previewAction={previewQueryAction} initialValues={queryToFormValues(query)} isNew={false} cancelHref={`/queries/${query.id}`} />
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/delete-button";
import { ButtonLink } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/access/roles";
import { getQuery, listQueryResult } from "@/lib/data/inventory/queries";
import { isPlatform, PLATFORM_LABELS } from "@/lib/platforms";
import { pageNumberSchema } from "@/lib/schema-fields";
import { deleteQueryAction } from "../actions";
import { parseQueryId } from "../query-id";
import { requirePermission } from "../../access";

const SAVED_MESSAGES: Record<string, string> = { created: "Query created.", updated: "Query saved." };

export default async function QueryPage({ params, searchParams }: PageProps<"/queries/[queryId]">) {
  const actor = await requirePermission("console:read");
  const canChange = can(actor.role, "sites:write");
  const id = parseQueryId((await params).queryId);
  const search = await searchParams;
  const page = pageNumberSchema.parse(search.page);
  const [query, result] = id === null ? [null, null] : await Promise.all([getQuery(id), listQueryResult({ id, page })]);
  if (!query || !result) notFound();
  const saved = typeof search.saved === "string" ? SAVED_MESSAGES[search.saved] : undefined;
  return (
    <>
      <PageHeader
        title={query.name}
        description={query.comment}
        actions={
          <>
            {can(actor.role, "jobs:write") && <ButtonLink href={`/jobs/new?queryId=${query.id}`}>New job for this query</ButtonLink>}
            {canChange && (
              <ButtonLink href={`/queries/${query.id}/edit`} variant="primary">
                Edit
              </ButtonLink>
            )}
          </>
        }
      />
      {saved && <FormMessage status="success" message={saved} />}
      <p className="mb-2 text-sm">
        <span className="font-semibold">Conditions: </span>
        {query.description}
      </p>
      <p className="mb-4 text-sm text-slate-700">
        Used by {query.jobIds.length === 0 ? "no job" : query.jobIds.map((jobId, index) => (
          <span key={jobId}>
            {index > 0 && ", "}
            <Link href={`/jobs/${jobId}`}>{jobId}</Link>
          </span>
        ))}
        {query.machineGroups.length > 0 && (
          <>
            {" "}and the dynamic machine group{query.machineGroups.length === 1 ? "" : "s"}{" "}
            {query.machineGroups.map((group, index) => (
              <span key={group.id}>
                {index > 0 && ", "}
                <Link href={`/machine-groups/${group.id}`}>{group.name}</Link>
              </span>
            ))}
          </>
        )}
        .
      </p>
      <h2 className="mb-2 text-lg font-semibold">Matching computers now ({result.total.toLocaleString("en-US")})</h2>
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
          {result.items.length === 0 && <EmptyRow colSpan={4}>No computer matches this query now.</EmptyRow>}
          {result.items.map((computer) => (
            <tr key={computer.smsId}>
              <Td className="font-mono">
                <Link href={`/computers/${computer.smsId}`}>{computer.smsId}</Link>
              </Td>
              <Td>{computer.name}</Td>
              <Td className="font-mono">{computer.siteCode}</Td>
              <Td>{isPlatform(computer.platform) ? PLATFORM_LABELS[computer.platform] : computer.platform}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} noun="computer" hrefFor={(target) => `/queries/${query.id}?page=${target}`} />
      {canChange && (
        <div className="mt-8 border-t border-slate-200 pt-4">
          <DeleteButton action={deleteQueryAction.bind(null, query.id)} what={`query ${query.name}`} />
        </div>
      )}
    </>
  );
}

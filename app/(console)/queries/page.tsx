import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/access/roles";
import { listQueries } from "@/lib/data/inventory/queries";
import { requirePermission } from "../access";

export const metadata = { title: "Queries" };

export default async function QueriesPage() {
  const actor = await requirePermission("console:read");
  const queries = await listQueries();
  return (
    <>
      <PageHeader
        title="Queries"
        description="Saved conditions on inventory, as SMS 1.2 queries: a job target, or a dynamic machine group's members."
        actions={
          can(actor.role, "sites:write") ? (
            <ButtonLink href="/queries/new" variant="primary">
              New query
            </ButtonLink>
          ) : undefined
        }
      />
      <Table>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Conditions</Th>
            <Th>Comment</Th>
          </tr>
        </thead>
        <tbody>
          {queries.length === 0 && <EmptyRow colSpan={3}>No queries yet.</EmptyRow>}
          {queries.map((query) => (
            <tr key={query.id}>
              <Td>
                <Link href={`/queries/${query.id}`}>{query.name}</Link>
              </Td>
              <Td>{query.description}</Td>
              <Td>{query.comment}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

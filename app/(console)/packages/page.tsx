import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listPackages } from "@/lib/data/packages/packages";
import { pageNumberSchema } from "@/lib/schema-fields";
import { requirePermission } from "../access";
import { can } from "@/lib/access/roles";

export const metadata = { title: "Packages" };

export default async function PackagesPage({ searchParams }: PageProps<"/packages">) {
  const actor = await requirePermission("console:read");
  const canChangePackages = can(actor.role, "packages:write");
  const query = await searchParams;
  const search = typeof query.search === "string" ? query.search : "";
  const page = pageNumberSchema.parse(query.page);
  const packages = await listPackages({ search, page });
  const hrefFor = (target: number) => `/packages?${new URLSearchParams({ ...(search ? { search } : {}), page: String(target) })}`;
  return (
    <>
      <PageHeader
        title="Packages"
        description="Packages with their property sets: Workstations (command lines for Run Command On Workstation jobs), Sharing and Inventory."
        actions={
          canChangePackages ? (
            <>
              <ButtonLink href="/packages/import">Import PDF</ButtonLink>
              <ButtonLink href="/packages/new" variant="primary">
                New package
              </ButtonLink>
            </>
          ) : undefined
        }
      />
      <form role="search" className="mb-3 flex max-w-md gap-2">
        <label htmlFor="search" className="sr-only">
          Search packages
        </label>
        <input id="search" name="search" type="search" defaultValue={search} placeholder="Package ID or name" className={inputClass} />
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 text-sm">
          Search
        </button>
      </form>
      <Table>
        <thead>
          <tr>
            <Th>Package ID</Th>
            <Th>Name</Th>
            <Th>Site</Th>
            <Th>Setup</Th>
            <Th className="text-right">Command lines</Th>
          </tr>
        </thead>
        <tbody>
          {packages.items.length === 0 && <EmptyRow colSpan={5}>{search ? `No package matches "${search}".` : "No packages yet."}</EmptyRow>}
          {packages.items.map((pkg) => (
            <tr key={pkg.packageId}>
              <Td className="font-mono">
                <Link href={`/packages/${pkg.packageId}`}>{pkg.packageId}</Link>
              </Td>
              <Td>{pkg.name}</Td>
              <Td className="font-mono">{pkg.siteCode}</Td>
              <Td>{pkg.propertySets.join(", ") || "—"}</Td>
              <Td className="text-right">{pkg.commandLineCount}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={packages.page} pageCount={packages.pageCount} total={packages.total} noun="package" hrefFor={hrefFor} />
    </>
  );
}

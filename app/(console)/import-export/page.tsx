import { PageHeader } from "@/components/ui/page-header";
import { ImportForm } from "./import-form";
import { requirePermission } from "../access";
import { can } from "@/lib/access/roles";

export const metadata = { title: "Import / Export" };

export default async function ImportExportPage() {
  const actor = await requirePermission("console:read");
  const canImport = can(actor.role, "sites:write");
  return (
    <>
      <PageHeader
        title="Import / Export"
        description="One JSON site document holds sites, servers, computers, machine groups and packages with their command lines."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">Export</h2>
          <p className="mb-3 text-sm text-slate-700">Download everything the console holds, in a stable order, so two exports of the same data are identical.</p>
          <a href="/import-export/site-document" download className="inline-flex rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white no-underline hover:bg-blue-800 hover:no-underline">
            Download site document
          </a>
        </section>
        <section className="rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-semibold">Import</h2>
          <p className="mb-3 text-sm text-slate-700">
            Records are created or replaced by their key. The import is all or nothing: if any field is invalid, every problem is listed with its JSON path and nothing
            changes. The format is described by <a href="https://json-schema.org/">JSON Schema</a> in <code>docs/site-document.schema.json</code>.
          </p>
          {canImport ? <ImportForm /> : <p className="text-sm text-slate-600">Importing changes sites and their inventory, which only an Administrator may do.</p>}
        </section>
      </div>
    </>
  );
}

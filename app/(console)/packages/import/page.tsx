import { PageHeader } from "@/components/ui/page-header";
import { listSiteChoices } from "@/lib/data/sites/sites";
import { requirePermission } from "../../access";
import { ImportPdfForm } from "./import-pdf-form";

export const metadata = { title: "Import PDF" };

export default async function ImportPdfPage() {
  await requirePermission("packages:write");
  const sites = await listSiteChoices();
  return (
    <>
      <PageHeader title="Import PDF" description="Create a package from a Package Definition File: its Package Definition, one workstation command line per setup variation, and its Inventory set." />
      <ImportPdfForm sites={sites} />
    </>
  );
}

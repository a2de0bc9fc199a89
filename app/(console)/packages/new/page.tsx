import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { loadReviewSites } from "@/lib/data/review/review-context";
import { listSiteChoices } from "@/lib/data/sites/sites";
import { createPackageAction } from "../actions";
import { PackageForm } from "../package-form";
import { requirePermission } from "../../access";

export const metadata = { title: "New package" };

export default async function NewPackagePage() {
  await requirePermission("packages:write");
  const [sites, reviewSites] = await Promise.all([listSiteChoices(), loadReviewSites()]);
  const initialValues = {
    siteCode: sites.length === 1 ? sites[0]?.code : "",
    commandLines: [{ isAutomated: true, supportedPlatforms: [] }],
  };
  return (
    <>
      <PageHeader
        title="New package"
        description="The package ID is allocated by the site when you create the package and is never reused."
        actions={<ButtonLink href="/packages/import">Import PDF</ButtonLink>}
      />
      <PackageForm action={createPackageAction} initialValues={initialValues} sites={sites} reviewSites={[...reviewSites.values()]} packageId={null} isNew cancelHref="/packages" />
    </>
  );
}

import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getPackage } from "@/lib/data/packages/packages";
import { loadReviewSites } from "@/lib/data/review/review-context";
import { updatePackageAction } from "../../actions";
import { packageToFormValues } from "../../form-values";
import { PackageForm } from "../../package-form";
import { requirePermission } from "../../../access";

export async function generateMetadata({ params }: PageProps<"/packages/[packageId]/edit">) {
  return { title: `Edit ${(await params).packageId}` };
}

export default async function EditPackagePage({ params }: PageProps<"/packages/[packageId]/edit">) {
  await requirePermission("packages:write");
  const { packageId } = await params;
  const [pkg, reviewSites] = await Promise.all([getPackage(packageId), loadReviewSites()]);
  if (!pkg) notFound();
  return (
    <>
      <PageHeader title={`Edit ${pkg.name}`} description={<span className="font-mono">{pkg.packageId}</span>} />
      <PackageForm
        action={updatePackageAction.bind(null, pkg.packageId)}
        initialValues={packageToFormValues(pkg)}
        sites={[]}
        reviewSites={[...reviewSites.values()]}
        packageId={pkg.packageId}
        isNew={false}
        cancelHref={`/packages/${pkg.packageId}`}
      />
    </>
  );
}

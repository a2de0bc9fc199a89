import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getSite, listSiteChoices } from "@/lib/data/sites/sites";
import { updateSiteAction } from "../../actions";
import { SiteForm } from "../../site-form";
import { requirePermission } from "../../../access";

export async function generateMetadata({ params }: PageProps<"/sites/[siteCode]/edit">) {
  return { title: `Edit site ${(await params).siteCode}` };
}

export default async function EditSitePage({ params }: PageProps<"/sites/[siteCode]/edit">) {
  await requirePermission("sites:write");
  const { siteCode } = await params;
  const [site, choices] = await Promise.all([getSite(siteCode), listSiteChoices()]);
  if (!site) notFound();
  return (
    <>
      <PageHeader title={`Site ${site.code} properties`} />
      <SiteForm
        action={updateSiteAction.bind(null, site.code)}
        initialValues={{ ...site }}
        parentChoices={choices.filter((choice) => choice.code !== site.code)}
        isNew={false}
        cancelHref={`/sites/${site.code}`}
      />
    </>
  );
}

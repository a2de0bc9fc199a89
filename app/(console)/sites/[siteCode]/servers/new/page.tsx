import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getSite } from "@/lib/data/sites/sites";
import { createServerAction } from "../../../actions";
import { ServerForm } from "../../../server-form";
import { requirePermission } from "../../../../access";

export const metadata = { title: "New server" };

export default async function NewServerPage({ params }: PageProps<"/sites/[siteCode]/servers/new">) {
  await requirePermission("sites:write");
  const { siteCode } = await params;
  const site = await getSite(siteCode);
  if (!site) notFound();
  return (
    <>
      <PageHeader title={`New server in site ${site.code}`} />
      <ServerForm action={createServerAction.bind(null, site.code)} initialValues={{ serverType: 2, fileSystem: "NTFS" }} isNew cancelHref={`/sites/${site.code}`} />
    </>
  );
}

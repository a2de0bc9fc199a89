import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/delete-button";
import { PageHeader } from "@/components/ui/page-header";
import { getServer } from "@/lib/data/sites/servers";
import { deleteServerAction, updateServerAction } from "../../../../actions";
import { ServerForm } from "../../../../server-form";
import { requirePermission } from "../../../../../access";

export async function generateMetadata({ params }: PageProps<"/sites/[siteCode]/servers/[serverName]/edit">) {
  return { title: `Edit server ${(await params).serverName}` };
}

export default async function EditServerPage({ params }: PageProps<"/sites/[siteCode]/servers/[serverName]/edit">) {
  await requirePermission("sites:write");
  const { siteCode, serverName } = await params;
  const server = await getServer(decodeURIComponent(serverName));
  if (!server || server.siteCode !== siteCode) notFound();
  return (
    <>
      <PageHeader title={`Server ${server.name}`} description={`Site ${server.siteCode}`} />
      <ServerForm action={updateServerAction.bind(null, server.name)} initialValues={{ ...server }} isNew={false} cancelHref={`/sites/${server.siteCode}`} />
      <div className="mt-8 border-t border-slate-200 pt-4">
        <DeleteButton action={deleteServerAction.bind(null, server.name, server.siteCode)} what={`server ${server.name}`} />
      </div>
    </>
  );
}

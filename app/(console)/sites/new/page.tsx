import { PageHeader } from "@/components/ui/page-header";
import { listSiteChoices } from "@/lib/data/sites/sites";
import { createSiteAction } from "../actions";
import { SiteForm } from "../site-form";
import { requirePermission } from "../../access";

export const metadata = { title: "New site" };

export default async function NewSitePage() {
  await requirePermission("sites:write");
  const parentChoices = await listSiteChoices();
  return (
    <>
      <PageHeader title="New site" />
      <SiteForm
        action={createSiteAction}
        initialValues={{ smsVersion: "1.2", servicePack: 0, pcmPollingIntervalMinutes: 60, inventoryIntervalDays: 7, isPcmEnabled: true }}
        parentChoices={parentChoices}
        isNew
        cancelHref="/sites"
      />
    </>
  );
}

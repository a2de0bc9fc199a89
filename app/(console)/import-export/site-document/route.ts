import { exportSiteDocument } from "@/lib/data/sites/site-document-export";
import { routeRefusal } from "../../access";
import { withDatabaseFaults } from "@/lib/route-errors";

export const dynamic = "force-dynamic";


/** GET the whole console as a site document, as a download. */
export const GET = withDatabaseFaults(async function get() {
  const refusal = await routeRefusal("console:read");
  if (refusal) return refusal;
  const document = await exportSiteDocument();
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="sms-site-document-${stamp}.json"`,
      "Cache-Control": "no-store",
    },
  });
});

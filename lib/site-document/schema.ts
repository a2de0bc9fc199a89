import { z } from "zod";
import { computerInputSchema } from "../computers/schema";
import { machineGroupInputSchema } from "../machine-groups/schema";
import { documentJobSchema } from "../jobs/schema";
import { documentPackageSchema } from "../packages/schema";
import { serverInputSchema } from "../servers/schema";
import { documentSiteSchema } from "../sites/schema";
import { queryInputSchema } from "../queries/schema";

export const SITE_DOCUMENT_FORMAT = "sms-console/site-document";
export const SITE_DOCUMENT_VERSION = 1;

/**
 * One JSON document for a whole SMS hierarchy as the console holds it (issue: site document).
 * Every collection is optional so a document can carry, say, only new computers from an inventory.
 */
export const siteDocumentSchema = z.object({
  format: z.literal(SITE_DOCUMENT_FORMAT, { error: `format must be "${SITE_DOCUMENT_FORMAT}"` }),
  version: z.literal(SITE_DOCUMENT_VERSION, { error: `version must be ${SITE_DOCUMENT_VERSION}` }),
  sites: z.array(documentSiteSchema).default([]),
  servers: z.array(serverInputSchema).default([]),
  computers: z.array(computerInputSchema).default([]),
  queries: z.array(queryInputSchema).default([]),
  machineGroups: z.array(machineGroupInputSchema).default([]),
  packages: z.array(documentPackageSchema).default([]),
  jobs: z.array(documentJobSchema).default([]),
});

export type SiteDocument = z.infer<typeof siteDocumentSchema>;
export type SiteDocumentInput = z.input<typeof siteDocumentSchema>;

/** The JSON Schema published in docs/, generated from the zod schemas so the two cannot drift. */
export function siteDocumentJsonSchema() {
  return z.toJSONSchema(siteDocumentSchema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
}

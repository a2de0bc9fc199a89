import { z } from "zod";
import { checkbox, oneOf, optional, requiredText, wholeNumber } from "../schema-fields";
import { isReservedSiteCode, SITE_CODE_PATTERN } from "../sms-id";

export const SMS_VERSIONS = ["1.0", "1.1", "1.2"] as const;
export type SmsVersion = (typeof SMS_VERSIONS)[number];
/** Service packs were released for SMS 1.2 only: SP1 to SP4. */
export const MAX_SERVICE_PACK = 4;

export function siteCodeSchema(label = "Site code") {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .toUpperCase()
    .regex(SITE_CODE_PATTERN, { error: `${label} must be 3 characters, A-Z or 0-9` })
    .refine((code) => !isReservedSiteCode(code), { error: (issue) => `${label} cannot be ${String(issue.input)}: it is a reserved device name` });
}

/** SMS 1.0 and 1.1 had no service packs in this numbering. */
export function refineServicePack(
  version: SmsVersion,
  servicePack: number,
  context: z.RefinementCtx,
  path: (string | number)[],
  label: string,
) {
  if (version !== "1.2" && servicePack !== 0) {
    context.addIssue({ code: "custom", path, message: `${label} service pack applies to SMS 1.2 only; use 0 for ${version}` });
  }
}

const siteFields = z.object({
  code: siteCodeSchema(),
  name: requiredText("Site name", 50),
  parentCode: optional(siteCodeSchema("Parent site")),
  smsVersion: oneOf("SMS version", SMS_VERSIONS),
  servicePack: wholeNumber("SMS service pack", { min: 0, max: MAX_SERVICE_PACK }).default(0),
  pcmPollingIntervalMinutes: wholeNumber("PCM polling interval (minutes)", { min: 1, max: 1440 }),
  inventoryIntervalDays: wholeNumber("Inventory interval (days)", { min: 1, max: 365 }).default(7),
  isPcmEnabled: checkbox(),
});

function refineSite(site: z.infer<typeof siteFields>, context: z.RefinementCtx) {
  refineServicePack(site.smsVersion, site.servicePack, context, ["servicePack"], "SMS");
  if (site.parentCode && site.parentCode === site.code) {
    context.addIssue({ code: "custom", path: ["parentCode"], message: "Parent site cannot be the site itself" });
  }
}

export const siteInputSchema = siteFields.superRefine(refineSite);
export type SiteInput = z.infer<typeof siteInputSchema>;

const sequence = (label: string) => wholeNumber(label, { min: 0, max: 36 ** 5 - 1 }).default(0);

/**
 * A site as the site document carries it: with the last sequence numbers it allocated, so IDs stay
 * never-reused across an export and an import into another database.
 */
export const documentSiteSchema = siteFields
  .extend({
    lastAllocated: z
      .object({
        package: sequence("Last allocated package number"),
        job: sequence("Last allocated job number"),
        request: wholeNumber("Last allocated request number", { min: 0, max: 36 ** 4 - 1 }).default(0),
      })
      .optional(),
  })
  .superRefine(refineSite);
export type DocumentSite = z.infer<typeof documentSiteSchema>;

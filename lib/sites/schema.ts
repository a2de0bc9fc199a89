import { z } from "zod";
import { checkbox, oneOf, optional, optionalBoolean, requiredText, wholeNumber } from "../schema-fields";
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

/** ISO weekdays, 1 Monday .. 7 Sunday, as business hours name them. */
export const ISO_WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
/** Standard-time offsets from UTC run from -12:00 to +14:00. */
export const UTC_OFFSET_BOUNDS = { min: -720, max: 840 } as const;
const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A time of day on the site's wall clock, "HH:MM" (24-hour). */
export function timeOfDaySchema(label: string) {
  return z.string({ error: `${label} must be a time as HH:MM (24-hour)` }).trim().regex(TIME_OF_DAY_PATTERN, { error: `${label} must be a time as HH:MM (24-hour)` });
}

const BUSINESS_DAY_ERROR = "Business days must be ISO weekdays from 1 (Monday) to 7 (Sunday)";
/** The days of business hours, kept in order and once each: ["1", "5"] from a form, [1, 5] from JSON. */
const businessDaysSchema = z
  .array(
    z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value), z.number({ error: BUSINESS_DAY_ERROR }).int({ error: BUSINESS_DAY_ERROR }).min(1, { error: BUSINESS_DAY_ERROR }).max(7, { error: BUSINESS_DAY_ERROR })),
    { error: "Business days must be a list" },
  )
  .min(1, { error: "Business days must include at least one day" })
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));

const siteFields = z.object({
  code: siteCodeSchema(),
  name: requiredText("Site name", 50),
  parentCode: optional(siteCodeSchema("Parent site")),
  smsVersion: oneOf("SMS version", SMS_VERSIONS),
  servicePack: wholeNumber("SMS service pack", { min: 0, max: MAX_SERVICE_PACK }).default(0),
  pcmPollingIntervalMinutes: wholeNumber("PCM polling interval (minutes)", { min: 1, max: 1440 }),
  inventoryIntervalDays: wholeNumber("Inventory interval (days)", { min: 1, max: 365 }).default(7),
  isPcmEnabled: checkbox("Package Command Manager enabled"),
  // Facts the requirement rules need; absent = not recorded.
  businessDays: optional(businessDaysSchema),
  businessHoursStart: optional(timeOfDaySchema("Business hours start")),
  businessHoursEnd: optional(timeOfDaySchema("Business hours end")),
  siteServerFreeDiskMegabytes: optional(wholeNumber("Site server free disk space (MB)", { min: 0, max: 100_000_000 })),
  utcOffsetMinutes: optional(wholeNumber("UTC offset (minutes)", UTC_OFFSET_BOUNDS)),
  isDaylightSavingAdjusted: optionalBoolean("Site server clock adjusts for daylight saving time"),
});

function refineSite(site: z.infer<typeof siteFields>, context: z.RefinementCtx) {
  refineServicePack(site.smsVersion, site.servicePack, context, ["servicePack"], "SMS");
  if (site.parentCode && site.parentCode === site.code) {
    context.addIssue({ code: "custom", path: ["parentCode"], message: "Parent site cannot be the site itself" });
  }
  refineBusinessHours(site, context);
}

/** Business hours are recorded whole (days, start and end) or not at all, and end after they start. */
function refineBusinessHours(site: Pick<z.infer<typeof siteFields>, "businessDays" | "businessHoursStart" | "businessHoursEnd">, context: z.RefinementCtx) {
  const { businessDays, businessHoursStart: start, businessHoursEnd: end } = site;
  if (businessDays === undefined && start === undefined && end === undefined) return;
  if (businessDays === undefined) context.addIssue({ code: "custom", path: ["businessDays"], message: "Business days are required with business hours" });
  if (start === undefined) context.addIssue({ code: "custom", path: ["businessHoursStart"], message: "Business hours start is required with business days" });
  if (end === undefined) context.addIssue({ code: "custom", path: ["businessHoursEnd"], message: "Business hours end is required with business days" });
  if (start !== undefined && end !== undefined && end <= start) {
    context.addIssue({ code: "custom", path: ["businessHoursEnd"], message: "Business hours end must be later than the start" });
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

/** Business days as the database stores them: "1,2,3,4,5". */
export function formatBusinessDays(days: readonly number[]): string {
  return days.join(",");
}

/** The stored comma list back as ISO weekdays; null stays null (not recorded). */
export function parseBusinessDays(stored: string | null): number[] | null {
  if (stored === null) return null;
  return stored.split(",").filter(Boolean).map(Number);
}

import { z } from "zod";
import type { WhatIf } from "@/lib/data/review/job-simulation";
import { optional, wholeNumber } from "@/lib/schema-fields";
import { wallClockSchema, wallClockToEpochMs } from "@/lib/wall-clock";
import { formatWallClock } from "@/lib/wall-clock-format";

/** The what-if panel's query string: dates and a polling interval to try, nothing saved. */
export const whatIfSchema = z.object({
  offerAfter: optional(wallClockSchema("Offer After")),
  mandatoryAfter: optional(wallClockSchema("Mandatory After")),
  expireAfter: optional(wallClockSchema("Expire After")),
  pollingIntervalMinutes: optional(wholeNumber("PCM polling interval (minutes)", { min: 1, max: 1440 })),
});

/**
 * The what-if dates must make a job that can be offered: an expiry at or before the offer (tried or
 * saved) is refused here with that reason, rather than simulated and blamed on a rule.
 */
export function parseWhatIf(query: Record<string, string | string[] | undefined>, saved: { offerAfter?: string; expireAfter?: string } = {}): { whatIf: WhatIf; error?: string } {
  const single = (key: string) => (typeof query[key] === "string" ? query[key] : undefined);
  const parsed = whatIfSchema.safeParse({ offerAfter: single("offerAfter"), mandatoryAfter: single("mandatoryAfter"), expireAfter: single("expireAfter"), pollingIntervalMinutes: single("pollingIntervalMinutes") });
  if (!parsed.success) return { whatIf: {}, error: parsed.error.issues.map((issue) => issue.message).join("; ") };
  const offerAfter = parsed.data.offerAfter ?? saved.offerAfter;
  const expireAfter = parsed.data.expireAfter ?? saved.expireAfter;
  if ((parsed.data.offerAfter || parsed.data.expireAfter) && offerAfter && expireAfter && wallClockToEpochMs(expireAfter) <= wallClockToEpochMs(offerAfter)) {
    return { whatIf: {}, error: `Expire After (${formatWallClock(expireAfter)}) must be later than Offer After (${formatWallClock(offerAfter)}): the job would expire before any client is offered it` };
  }
  return { whatIf: parsed.data };
}

export function whatIfQuery(whatIf: WhatIf): string {
  const entries = Object.entries(whatIf).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]);
  return entries.length ? `?${new URLSearchParams(entries)}` : "";
}

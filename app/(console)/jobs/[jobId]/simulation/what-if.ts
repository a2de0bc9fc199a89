import { z } from "zod";
import type { WhatIf } from "@/lib/data/job-simulation";
import { optional, wholeNumber } from "@/lib/schema-fields";
import { wallClockSchema } from "@/lib/wall-clock";

/** The what-if panel's query string: dates and a polling interval to try, nothing saved. */
export const whatIfSchema = z.object({
  offerAfter: optional(wallClockSchema("Offer After")),
  mandatoryAfter: optional(wallClockSchema("Mandatory After")),
  expireAfter: optional(wallClockSchema("Expire After")),
  pollingIntervalMinutes: optional(wholeNumber("PCM polling interval (minutes)", { min: 1, max: 1440 })),
});

export function parseWhatIf(query: Record<string, string | string[] | undefined>): { whatIf: WhatIf; error?: string } {
  const single = (key: string) => (typeof query[key] === "string" ? query[key] : undefined);
  const parsed = whatIfSchema.safeParse({ offerAfter: single("offerAfter"), mandatoryAfter: single("mandatoryAfter"), expireAfter: single("expireAfter"), pollingIntervalMinutes: single("pollingIntervalMinutes") });
  if (!parsed.success) return { whatIf: {}, error: parsed.error.issues.map((issue) => issue.message).join("; ") };
  return { whatIf: parsed.data };
}

export function whatIfQuery(whatIf: WhatIf): string {
  const entries = Object.entries(whatIf).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]);
  return entries.length ? `?${new URLSearchParams(entries)}` : "";
}

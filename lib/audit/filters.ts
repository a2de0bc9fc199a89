import { z } from "zod";
import { oneOf, optional, text } from "../schema-fields";

/**
 * The audit trail's search filters, read from the query string by the search page and the CSV
 * export alike. Times are UTC: a date alone means that whole UTC day, a date and time that minute.
 */
export const AUDIT_OUTCOMES = ["success", "failure", "refused"] as const;
export type AuditOutcomeFilter = (typeof AUDIT_OUTCOMES)[number];

const UTC_BOUND_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?Z?$/;

/** The instant a bound starts and the length of the unit it names (a day, or a minute). */
function parseUtcBound(value: string): { start: Date; unitMs: number } | null {
  const match = UTC_BOUND_PATTERN.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const hasTime = match[4] !== undefined;
  const start = new Date(Date.UTC(year!, month! - 1, day!, hasTime ? hour : 0, hasTime ? minute : 0));
  const isReal = start.getUTCFullYear() === year && start.getUTCMonth() === month! - 1 && start.getUTCDate() === day && (!hasTime || (start.getUTCHours() === hour && start.getUTCMinutes() === minute));
  return isReal ? { start, unitMs: hasTime ? 60_000 : 86_400_000 } : null;
}

function utcBound(label: string) {
  return optional(
    z
      .string({ error: `${label} must be text` })
      .trim()
      .refine((value) => parseUtcBound(value) !== null, { error: `${label} must be a UTC date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM)` }),
  );
}

export const auditFiltersSchema = z
  .object({
    user: text("User", 254),
    objectType: text("Object type", 50),
    objectId: text("Object ID", 200),
    action: text("Action", 100),
    outcome: optional(oneOf("Outcome", AUDIT_OUTCOMES)),
    from: utcBound("From"),
    to: utcBound("To"),
  })
  .refine((filters) => !filters.from || !filters.to || auditTimeRange(filters).gte! < auditTimeRange(filters).lt!, { path: ["to"], error: "To must be after From" });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** From is inclusive; To includes the whole day or minute it names. */
export function auditTimeRange(filters: { from?: string; to?: string }): { gte?: Date; lt?: Date } {
  const from = filters.from ? parseUtcBound(filters.from) : null;
  const to = filters.to ? parseUtcBound(filters.to) : null;
  return { ...(from && { gte: from.start }), ...(to && { lt: new Date(to.start.getTime() + to.unitMs) }) };
}

/** Only the filters that are set, as query-string pairs: for page links and the export link. */
export function auditFilterParams(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}

/** Query-string values as the schema reads them: the first of a repeated parameter. */
export function auditFiltersInput(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const input: Record<string, string> = {};
  for (const key of ["user", "objectType", "objectId", "action", "outcome", "from", "to"]) {
    const value = query[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") input[key] = first;
  }
  return input;
}

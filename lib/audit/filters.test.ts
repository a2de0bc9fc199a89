import { describe, expect, it } from "vitest";
import { auditFilterParams, auditFiltersInput, auditFiltersSchema, auditTimeRange } from "./filters";

describe("audit filters", () => {
  it("reads the query string, ignoring unknown and repeated parameters", () => {
    const parsed = auditFiltersSchema.parse(auditFiltersInput({ user: ["ada", "bob"], outcome: "refused", page: "2", from: "" }));
    expect(parsed).toEqual({ user: "ada", objectType: "", objectId: "", action: "", outcome: "refused" });
    expect(auditFilterParams(parsed)).toEqual({ user: "ada", outcome: "refused" });
  });

  it.each<[{ from?: string; to?: string }, { gte?: string; lt?: string }]>([
    [{ from: "2026-11-21" }, { gte: "2026-11-21T00:00:00.000Z" }],
    [{ to: "2026-11-21" }, { lt: "2026-11-22T00:00:00.000Z" }],
    [{ from: "2026-11-21T08:30", to: "2026-11-21T09:15" }, { gte: "2026-11-21T08:30:00.000Z", lt: "2026-11-21T09:16:00.000Z" }],
    [{ to: "2026-12-31" }, { lt: "2027-01-01T00:00:00.000Z" }],
  ])("turns %j into a UTC range", (bounds, expected) => {
    const range = auditTimeRange(auditFiltersSchema.parse(bounds));
    expect({ gte: range.gte?.toISOString(), lt: range.lt?.toISOString() }).toEqual(expected);
  });

  it.each<[Record<string, string>, string, string]>([
    [{ from: "2026-02-30" }, "from", "From must be a UTC date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM)"],
    [{ to: "yesterday" }, "to", "To must be a UTC date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM)"],
    [{ from: "2026-11-22", to: "2026-11-21" }, "to", "To must be after From"],
    [{ outcome: "maybe" }, "outcome", "Outcome must be one of success, failure, refused"],
  ])("refuses %j, naming the field", (input, field, message) => {
    const result = auditFiltersSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual([field, message]);
  });
});

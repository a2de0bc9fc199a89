import { describe, expect, it } from "vitest";
import { databaseProblemOf } from "./database-problem";

describe("databaseProblemOf", () => {
  it("names the failed check's reason, as /health gives it", () => {
    const health = { status: "unavailable", failedCheck: "read", checks: { read: { isOk: false, error: "the database is locked by another writer" }, write: { isOk: false } } };
    expect(databaseProblemOf(health)).toBe("the database is locked by another writer");
  });

  it("is null when the database is healthy or the answer is not /health's", () => {
    expect(databaseProblemOf({ status: "ok", failedCheck: null, checks: { read: { isOk: true } } })).toBeNull();
    for (const answer of [null, "text", 3, [], { failedCheck: "__proto__", checks: {} }, { failedCheck: "read", checks: { read: { error: 5 } } }]) expect(databaseProblemOf(answer)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { parseWhatIf } from "@/app/(console)/jobs/[jobId]/simulation/what-if";

describe("the what-if panel's dates", () => {
  const saved = { offerAfter: "1998-11-23T08:00:00", expireAfter: "1999-03-01T00:00:00" };

  it("tries dates that make a job clients can be offered", () => {
    expect(parseWhatIf({ expireAfter: "1998-12-01T00:00" }, saved)).toEqual({ whatIf: { expireAfter: "1998-12-01T00:00:00" } });
  });

  it.each([
    ["an expiry before the saved offer", { expireAfter: "1998-11-20T00:00" }, "Expire After (Fri 1998-11-20 00:00) must be later than Offer After (Mon 1998-11-23 08:00)"],
    ["an offer after the saved expiry", { offerAfter: "1999-04-01T08:00" }, "Expire After (Mon 1999-03-01 00:00) must be later than Offer After (Thu 1999-04-01 08:00)"],
    ["an expiry equal to the tried offer", { offerAfter: "1998-12-01T08:00", expireAfter: "1998-12-01T08:00" }, "Expire After (Tue 1998-12-01 08:00) must be later than Offer After (Tue 1998-12-01 08:00)"],
  ])("refuses %s, saying why rather than blaming a rule", (_case, query, message) => {
    const result = parseWhatIf(query, saved);
    expect(result.whatIf).toEqual({});
    expect(result.error).toBe(`${message}: the job would expire before any client is offered it`);
  });

  it("leaves a job's own saved dates alone when nothing is tried", () => {
    expect(parseWhatIf({}, { offerAfter: "1999-04-01T08:00:00", expireAfter: "1999-03-01T00:00:00" })).toEqual({ whatIf: {} });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDue, repeatedRunDates, repeatedWallClock } from "./schedule";

describe("repeatedWallClock", () => {
  it.each([
    ["1998-03-02T22:00:00", "DAILY", "1998-03-03T22:00:00"],
    ["1998-12-31T23:30:00", "DAILY", "1999-01-01T23:30:00"],
    ["1998-03-02T22:00:00", "WEEKLY", "1998-03-09T22:00:00"],
    ["1998-01-31T08:00:00", "MONTHLY", "1998-02-28T08:00:00"],
    ["2000-01-31T08:00:00", "MONTHLY", "2000-02-29T08:00:00"],
    ["1998-12-15T08:00:00", "MONTHLY", "1999-01-15T08:00:00"],
  ] as const)("%s repeated %s is %s", (value, repeat, expected) => {
    expect(repeatedWallClock(value, repeat)).toBe(expected);
  });

  it("always moves forward and keeps the time of day", () => {
    const wallClock = fc.date({ min: new Date("1980-01-01T00:00:00Z"), max: new Date("2900-01-01T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 19));
    fc.assert(
      fc.property(wallClock, fc.constantFrom("DAILY", "WEEKLY", "MONTHLY") as fc.Arbitrary<"DAILY" | "WEEKLY" | "MONTHLY">, (value, repeat) => {
        const next = repeatedWallClock(value, repeat);
        expect(next > value).toBe(true);
        expect(next.slice(11)).toBe(value.slice(11));
      }),
    );
  });
});

describe("repeatedRunDates (Q141192)", () => {
  const dates = { offerAfter: "1998-03-02T08:00:00", mandatoryAfter: "1998-03-03T22:00:00", expireAfter: "1998-03-09T08:00:00" };

  it("moves Mandatory After with the repeat on a 1.2 site", () => {
    expect(repeatedRunDates(dates, "WEEKLY", "1.2")).toEqual({ offerAfter: "1998-03-09T08:00:00", mandatoryAfter: "1998-03-10T22:00:00", expireAfter: "1998-03-16T08:00:00" });
  });

  it.each(["1.0", "1.1"])("keeps the original Mandatory After on a %s site", (version) => {
    expect(repeatedRunDates(dates, "WEEKLY", version).mandatoryAfter).toBe("1998-03-03T22:00:00");
  });

  it("leaves unset dates unset", () => {
    expect(repeatedRunDates({}, "DAILY", "1.2")).toEqual({ offerAfter: undefined, mandatoryAfter: undefined, expireAfter: undefined });
  });
});

describe("isDue", () => {
  it.each([
    [null, false],
    ["1998-03-02T08:00:00", true],
    ["1998-03-02T08:00:01", false],
  ] as const)("%s at 1998-03-02T08:00:00: %s", (activateAt, expected) => {
    expect(isDue(activateAt, "1998-03-02T08:00:00")).toBe(expected);
  });
});

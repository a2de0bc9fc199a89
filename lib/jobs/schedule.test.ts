import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULER_INTERVAL_MS, isDue, repeatedRunDates, repeatedWallClock, schedulerIntervalOf } from "./schedule";

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

describe("schedulerIntervalOf (SMS_SCHEDULER_INTERVAL_MS)", () => {
  it("defaults to 15 s when unset or empty", () => {
    expect(schedulerIntervalOf(undefined)).toEqual({ intervalMs: DEFAULT_SCHEDULER_INTERVAL_MS, problem: null });
    expect(schedulerIntervalOf(" ")).toEqual({ intervalMs: DEFAULT_SCHEDULER_INTERVAL_MS, problem: null });
  });

  it("takes whole milliseconds from 1 s to 1 h", () => {
    expect(schedulerIntervalOf("1000")).toEqual({ intervalMs: 1000, problem: null });
    expect(schedulerIntervalOf("3600000")).toEqual({ intervalMs: 3_600_000, problem: null });
  });

  it.each(["999", "0", "-5", "1.5", "2e3", "abc", "3600001", "99999999999"])("refuses %j with why and keeps 15 s", (value) => {
    const { intervalMs, problem } = schedulerIntervalOf(value);
    expect(intervalMs).toBe(DEFAULT_SCHEDULER_INTERVAL_MS);
    expect(problem).toMatch(/^SMS_SCHEDULER_INTERVAL_MS must be whole milliseconds from 1000 to 3600000/);
  });
});

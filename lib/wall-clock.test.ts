import { describe, expect, it } from "vitest";
import { epochMsToWallClock, normaliseWallClock, parseWallClock, wallClockSchema, wallClockToEpochMs } from "./wall-clock";

describe("site wall-clock times", () => {
  it.each(["1998-11-16T09:30:00", "1998-11-16T09:30", "2000-02-29T00:00:00"])("accepts %s", (value) => expect(parseWallClock(value)).not.toBeNull());
  it.each(["1998-02-30T00:00:00", "1998-13-01T00:00:00", "1998-11-16T24:00:00", "1998-11-16", "16/11/98 09:30"])("refuses %s", (value) =>
    expect(parseWallClock(value)).toBeNull(),
  );
  it("adds seconds to a datetime-local value", () => expect(normaliseWallClock("1998-11-16T09:30")).toBe("1998-11-16T09:30:00"));
  it("does arithmetic without any time zone", () => {
    const start = wallClockToEpochMs("1998-03-29T01:30:00");
    expect(epochMsToWallClock(start + 60 * 60 * 1000)).toBe("1998-03-29T02:30:00");
  });
  it("names the field in its error", () => {
    const result = wallClockSchema("Last inventory").safeParse("yesterday");
    expect(result.error?.issues[0]?.message).toBe("Last inventory must be a real date and time as YYYY-MM-DD HH:MM (24-hour)");
  });
});

describe("ceilToMinute", () => {
  it("rounds seconds up to the next minute and leaves whole minutes alone", async () => {
    const { ceilToMinute } = await import("./wall-clock");
    expect(ceilToMinute("1998-11-23T08:00:01")).toBe("1998-11-23T08:01:00");
    expect(ceilToMinute("1998-12-31T23:59:30")).toBe("1999-01-01T00:00:00");
    expect(ceilToMinute("1998-11-23T08:00:00")).toBe("1998-11-23T08:00:00");
  });
});

describe("wallClockSchema bounds", () => {
  it("refuses years the console cannot do arithmetic on, naming the field", async () => {
    const { wallClockSchema } = await import("./wall-clock");
    expect(wallClockSchema("Expire After").safeParse("9999-12-31T00:00:00").error?.issues[0]?.message).toBe("Expire After must be in the years 1980 to 2999");
    expect(wallClockSchema("Expire After").safeParse("2999-12-31T23:59:59").success).toBe(true);
  });
});

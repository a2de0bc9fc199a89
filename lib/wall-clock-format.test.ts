import { describe, expect, it } from "vitest";
import { describeDistance, formatUtcInstant, formatWallClock, wallClockInputText, weekdayOf } from "./wall-clock-format";
import { wallClockOfText, wallClockSchema } from "./wall-clock";

describe("wall-clock formatting", () => {
  it.each([
    ["1994-09-21T17:56:00", "Wednesday"],
    ["2000-02-29T00:00:00", "Tuesday"],
    ["1998-11-23T08:00:00", "Monday"],
  ])("%s is a %s", (value, weekday) => expect(weekdayOf(value)).toBe(weekday));

  it("prints the day of week, date and time", () => {
    expect(formatWallClock("1998-11-23T08:00:00")).toBe("Mon 1998-11-23 08:00");
    expect(formatWallClock("1998-11-23T08:00:30")).toBe("Mon 1998-11-23 08:00:30");
  });

  it.each([
    ["1998-11-28T08:00:00", "in 5 days"],
    ["1998-11-23T09:30:00", "in 1 hour"],
    ["1998-11-23T07:59:00", "1 minute ago"],
    ["1998-11-23T08:00:20", "now"],
    ["1998-12-07T08:00:00", "in 2 weeks"],
    ["1997-11-23T08:00:00", "1 year ago"],
  ])("%s is %s from Monday 08:00", (value, distance) => expect(describeDistance(value, "1998-11-23T08:00:00")).toBe(distance));
});

describe("instants and date-time fields", () => {
  it("prints an instant in the console's format, labelled UTC", () => {
    expect(formatUtcInstant("2026-12-06T20:41:37.120Z")).toBe("Sun 2026-12-06 20:41 UTC");
    expect(formatUtcInstant(new Date(Date.UTC(1998, 10, 23, 8, 5)), { isLabelled: false })).toBe("Mon 1998-11-23 08:05");
  });

  it.each([
    ["1998-11-23T20:00:00", "1998-11-23 20:00"],
    ["1998-11-23T08:05", "1998-11-23 08:05"],
    ["1998-11-23T08:05:30", "1998-11-23 08:05:30"],
    ["typed so far", "typed so far"],
  ])("shows %s in a field as %s (24-hour)", (value, text) => expect(wallClockInputText(value)).toBe(text));

  it.each([
    ["1998-11-23 20:00", "1998-11-23T20:00"],
    [" 1998-11-23   08:05:30 ", "1998-11-23T08:05:30"],
    ["1998-11-23T08:05", "1998-11-23T08:05"],
    ["8:05 PM", "8:05 PM"],
  ])("reads the field text %j as %j", (text, value) => expect(wallClockOfText(text)).toBe(value));

  it("refuses a 12-hour time, naming the 24-hour form", () => {
    const result = wallClockSchema("Offer After").safeParse("1998-11-23 08:00 PM");
    expect(result.error?.issues[0]?.message).toBe("Offer After must be a real date and time as YYYY-MM-DD HH:MM (24-hour)");
    expect(wallClockSchema("Offer After").parse("1998-11-23 20:00")).toBe("1998-11-23T20:00:00");
  });
});

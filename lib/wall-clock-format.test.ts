import { describe, expect, it } from "vitest";
import { describeDistance, formatWallClock, weekdayOf } from "./wall-clock-format";

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

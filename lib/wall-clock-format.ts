import { parseWallClock, wallClockToEpochMs } from "./wall-clock";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "Monday": the day of week of a wall-clock date (computed without any time zone). */
export function weekdayOf(value: string): string {
  const parts = parseWallClock(value);
  if (!parts) return "";
  return WEEKDAYS[new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay()] ?? "";
}

/** "Mon 1998-11-23 08:00": how the console prints a wall-clock time. */
export function formatWallClock(value: string): string {
  const parts = parseWallClock(value);
  if (!parts) return value;
  const seconds = parts.second ? `:${String(parts.second).padStart(2, "0")}` : "";
  return `${weekdayOf(value).slice(0, 3)} ${value.slice(0, 10)} ${value.slice(11, 16)}${seconds}`;
}

/** "in 3 days", "2 hours ago", "now": how far a wall-clock time is from another. */
export function describeDistance(value: string, now: string): string {
  const difference = wallClockToEpochMs(value) - wallClockToEpochMs(now);
  const size = Math.abs(difference);
  const units: [number, string][] = [
    [365 * 86_400_000, "year"],
    [30 * 86_400_000, "month"],
    [7 * 86_400_000, "week"],
    [86_400_000, "day"],
    [3_600_000, "hour"],
    [60_000, "minute"],
  ];
  const unit = units.find(([length]) => size >= length);
  if (!unit) return "now";
  const count = Math.floor(size / unit[0]);
  const text = `${count} ${unit[1]}${count === 1 ? "" : "s"}`;
  return difference > 0 ? `in ${text}` : `${text} ago`;
}

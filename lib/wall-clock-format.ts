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

/**
 * "Sun 2026-12-06 20:41 UTC": a true instant (a sign-in, an audit row, a Send), printed like a
 * wall-clock time but in UTC and labelled so, beside the site's wall-clock times.
 */
export function formatUtcInstant(instant: string | Date, options: { isLabelled?: boolean } = {}): string {
  const iso = typeof instant === "string" ? instant : instant.toISOString();
  const wallClock = iso.slice(0, 19);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(wallClock)) return iso;
  const text = formatWallClock(wallClock.replace(/:\d{2}$/, ":00"));
  return options.isLabelled === false ? text : `${text} UTC`;
}

/** "1998-11-23 08:00": how a date-time field shows a wall-clock time, 24-hour whatever the browser's locale. */
export function wallClockInputText(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return value;
  return `${match[1]} ${match[2]}${match[3] && match[3] !== "00" ? `:${match[3]}` : ""}`;
}

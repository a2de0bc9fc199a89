import { z } from "zod";

/**
 * SMS did no time-zone conversion: every date is the site server's wall clock (digest §3.3).
 * The console keeps such times as "YYYY-MM-DDTHH:MM:SS" strings with no zone, never as instants.
 */
export const WALL_CLOCK_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export interface WallClockParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function parseWallClock(value: string): WallClockParts | null {
  const match = WALL_CLOCK_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const parts = { year, month, day, hour, minute, second };
  const asDate = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const isRealDate =
    asDate.getUTCFullYear() === year && asDate.getUTCMonth() === month - 1 && asDate.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return isRealDate ? parts : null;
}

/** Normalises "YYYY-MM-DDTHH:MM" (a datetime-local input) to full seconds. */
export function normaliseWallClock(value: string): string {
  return /T\d{2}:\d{2}$/.test(value) ? `${value}:00` : value;
}

/** Wall-clock times compare as strings once normalised; as milliseconds for arithmetic. */
export function wallClockToEpochMs(value: string): number {
  const parts = parseWallClock(value);
  if (!parts) throw new RangeError(`not a wall-clock time: "${value}"`);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

export function epochMsToWallClock(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Years the console accepts; SMS itself breaks from 2037 on, which rule R46 reports. */
export const MIN_WALL_CLOCK_YEAR = 1980;
export const MAX_WALL_CLOCK_YEAR = 2999;

/** A date-time field's text ("1998-11-23 08:00", or the stored "1998-11-23T08:00") in the stored form. */
export function wallClockOfText(value: string): string {
  return value.trim().replace(/^(\d{4}-\d{2}-\d{2}) +(?=\d)/, "$1T");
}

export function wallClockSchema(label: string) {
  return z
    .string({ error: `${label} must be a date and time` })
    .transform(wallClockOfText)
    .refine((value) => parseWallClock(value) !== null, { error: `${label} must be a real date and time as YYYY-MM-DD HH:MM (24-hour)` })
    .refine((value) => {
      const year = parseWallClock(value)?.year ?? MIN_WALL_CLOCK_YEAR;
      return year >= MIN_WALL_CLOCK_YEAR && year <= MAX_WALL_CLOCK_YEAR;
    }, { error: `${label} must be in the years ${MIN_WALL_CLOCK_YEAR} to ${MAX_WALL_CLOCK_YEAR}` })
    .transform(normaliseWallClock);
}

/**
 * Now on the site server's wall clock. The console's host stands in for the site server, so its
 * local time (its TZ setting) is the clock every date is compared with.
 */
export function currentWallClock(date: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function addDays(value: string, days: number): string {
  return epochMsToWallClock(wallClockToEpochMs(value) + days * 86_400_000);
}

/** The next whole minute at or after a time: what a datetime-local field without seconds can hold. */
export function ceilToMinute(value: string): string {
  const ms = wallClockToEpochMs(value);
  return epochMsToWallClock(Math.ceil(ms / 60_000) * 60_000);
}

/** The instant a wall-clock time names on the console host's clock (the inverse of currentWallClock). */
export function wallClockToLocalDate(value: string): Date {
  const parts = parseWallClock(value);
  if (!parts) throw new RangeError(`not a wall-clock time: "${value}"`);
  return new Date(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

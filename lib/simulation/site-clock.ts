import { epochMsToWallClock, wallClockToEpochMs } from "../wall-clock";

/**
 * lib/wall-clock.ts conversions with a memo: a site-wide simulation turns the same few thousand
 * times (poll grids, shared job dates, logon times) into strings and back millions of times, and
 * Date.prototype.toISOString dominated the profile. Results are identical to the originals.
 */
const MAX_ENTRIES = 200_000;
const toText = new Map<number, string>();
const toMs = new Map<string, number>();

export function siteClockText(ms: number): string {
  let text = toText.get(ms);
  if (text === undefined) {
    if (toText.size >= MAX_ENTRIES) toText.clear();
    text = epochMsToWallClock(ms);
    toText.set(ms, text);
  }
  return text;
}

export function siteClockMs(value: string): number {
  let ms = toMs.get(value);
  if (ms === undefined) {
    if (toMs.size >= MAX_ENTRIES) toMs.clear();
    ms = wallClockToEpochMs(value);
    toMs.set(value, ms);
  }
  return ms;
}

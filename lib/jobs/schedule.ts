import { addDays, epochMsToWallClock, parseWallClock } from "../wall-clock";

/**
 * A job's Schedule (Job Properties > Schedule, Q197016, Q160569): an activation time, a priority
 * and a repeat. A Pending job with an activation time is sent by the console's scheduler at that
 * time on the site server's wall clock, as the Scheduler's watchdog cycle activated jobs.
 */
export const JOB_REPEATS = ["NEVER", "DAILY", "WEEKLY", "MONTHLY"] as const;
export type JobRepeat = (typeof JOB_REPEATS)[number];

export const JOB_REPEAT_LABELS: Record<JobRepeat, string> = { NEVER: "Never", DAILY: "Daily", WEEKLY: "Weekly", MONTHLY: "Monthly" };

/** The same wall-clock time one repeat later; a month later keeps the day, or the month's last day (Jan 31 → Feb 28). */
export function repeatedWallClock(value: string, repeat: Exclude<JobRepeat, "NEVER">): string {
  if (repeat === "DAILY") return addDays(value, 1);
  if (repeat === "WEEKLY") return addDays(value, 7);
  const parts = parseWallClock(value);
  if (!parts) throw new RangeError(`not a wall-clock time: "${value}"`);
  const monthIndex = parts.month; // the next month, 0-based
  const lastDay = new Date(Date.UTC(parts.year, monthIndex + 1, 0)).getUTCDate();
  return epochMsToWallClock(Date.UTC(parts.year, monthIndex, Math.min(parts.day, lastDay), parts.hour, parts.minute, parts.second));
}

export interface RepeatedRunDates {
  offerAfter?: string;
  mandatoryAfter?: string;
  expireAfter?: string;
}

/**
 * The run dates of a repeating job's next occurrence. Offer and Expire After move with the
 * activation time. Mandatory After moves too on SMS 1.2 sites; a 1.0/1.1 Scheduler kept the
 * original date, so the repeated job is mandatory (and overdue) at once (Q141192, fixed in 1.2).
 */
export function repeatedRunDates(dates: RepeatedRunDates, repeat: Exclude<JobRepeat, "NEVER">, siteVersion: string): RepeatedRunDates {
  const move = (value: string | undefined) => (value === undefined ? undefined : repeatedWallClock(value, repeat));
  return {
    offerAfter: move(dates.offerAfter),
    mandatoryAfter: siteVersion === "1.2" ? move(dates.mandatoryAfter) : dates.mandatoryAfter,
    expireAfter: move(dates.expireAfter),
  };
}

/** Whether a Pending job's activation time has come: wall-clock times compare as strings. */
export function isDue(activateAt: string | null | undefined, now: string): boolean {
  return activateAt !== null && activateAt !== undefined && activateAt <= now;
}

/** How often the console's scheduler looks for due jobs, unless SMS_SCHEDULER_INTERVAL_MS says otherwise. */
export const DEFAULT_SCHEDULER_INTERVAL_MS = 15_000;
export const MIN_SCHEDULER_INTERVAL_MS = 1_000;
export const MAX_SCHEDULER_INTERVAL_MS = 3_600_000;

/**
 * The scheduler's interval from SMS_SCHEDULER_INTERVAL_MS: whole milliseconds from 1 s to 1 h. A
 * value that is not one is refused with why, so a typo never stops activation or spins a pass loop.
 */
export function schedulerIntervalOf(value: string | undefined): { intervalMs: number; problem: string | null } {
  if (value === undefined || value.trim() === "") return { intervalMs: DEFAULT_SCHEDULER_INTERVAL_MS, problem: null };
  const intervalMs = /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (Number.isInteger(intervalMs) && intervalMs >= MIN_SCHEDULER_INTERVAL_MS && intervalMs <= MAX_SCHEDULER_INTERVAL_MS) return { intervalMs, problem: null };
  return {
    intervalMs: DEFAULT_SCHEDULER_INTERVAL_MS,
    problem: `SMS_SCHEDULER_INTERVAL_MS must be whole milliseconds from ${MIN_SCHEDULER_INTERVAL_MS} to ${MAX_SCHEDULER_INTERVAL_MS}; using ${DEFAULT_SCHEDULER_INTERVAL_MS}`,
  };
}

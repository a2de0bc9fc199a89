import type { ClientState, ProcessMemory } from "./client-state";
import type { PollReading } from "./poll-instruction-file";
import type { PreparedRecord } from "./prepare-simulation";
import { MINUTE_MS } from "./prepare-simulation";
import type { PollEvent } from "./simulation-result";

/**
 * Poll timing shared by the desktop PCM and the service. Both poll on a fixed grid (start time plus
 * whole polling intervals, Q123499, Q166765). The simulator jumps from a poll straight to the next
 * one at which anything can differ, and counts the identical polls in between on the last poll event:
 * that is what keeps 10,000 clients over 30 days fast.
 */
export function gridAtOrAfter(originMs: number, intervalMs: number, ms: number): number {
  if (ms <= originMs) return originMs;
  return originMs + Math.ceil((ms - originMs) / intervalMs) * intervalMs;
}

/** The next Display, Install By or Expiration date after `ms` among the records (Infinity when none). */
export function nextRecordDateAfter(records: readonly PreparedRecord[], ms: number, limit: number): number {
  let next = limit;
  for (const record of records) {
    if (record.offerAt > ms && record.offerAt < next) next = record.offerAt;
    if (record.mandatoryAt !== null && record.mandatoryAt > ms && record.mandatoryAt < next) next = record.mandatoryAt;
    if (record.expireAt !== null && record.expireAt > ms && record.expireAt < next) next = record.expireAt;
  }
  return next;
}

export interface PollLines {
  serviceOnlySkipped: string[];
}

function samePoll(a: PollEvent, b: Omit<PollEvent, "at">): boolean {
  return (
    a.result === b.result &&
    a.packagesBefore === b.packagesBefore &&
    a.packagesAfter === b.packagesAfter &&
    !a.hasNewPackages &&
    !b.hasNewPackages &&
    a.serviceOnlySkipped.join() === b.serviceOnlySkipped.join() &&
    a.sniRequestIds.join() === b.sniRequestIds.join()
  );
}

/** Records one poll, folding it into the previous poll event when it prints the same lines one interval later. */
export function recordPoll(state: ClientState, memory: ProcessMemory, ms: number, reading: PollReading, lines: PollLines): void {
  const intervalMs = state.sim.intervalMs;
  const draft: Omit<PollEvent, "at"> = {
    kind: "poll",
    process: memory.process,
    count: 1,
    everyMinutes: intervalMs / MINUTE_MS,
    result: reading.result,
    packagesBefore: reading.records.length,
    packagesAfter: reading.kept.length,
    hasNewPackages: reading.hasNewPackages,
    serviceOnlySkipped: lines.serviceOnlySkipped,
    sniRequestIds: reading.sniRequestIds,
  };
  const last = memory.lastPoll;
  if (last && memory.lastPollStartMs + last.count * intervalMs === ms && samePoll(last, draft)) {
    last.count += 1;
    return;
  }
  memory.lastPoll = state.emit(ms, draft) as unknown as PollEvent;
  memory.lastPollStartMs = ms;
}

/**
 * Where the next simulated poll falls after a poll at `ms`: the next grid point when this poll
 * changed something, else the first grid point at or after `nextChangeMs`. Skipped polls, up to
 * `lastPossibleMs`, are added to the last poll event.
 */
export function nextPollAfter(options: { memory: ProcessMemory; originMs: number; intervalMs: number; ms: number; changed: boolean; nextChangeMs: number; lastPossibleMs: number }): number {
  const { memory, originMs, intervalMs, ms, changed, nextChangeMs, lastPossibleMs } = options;
  const following = ms + intervalMs;
  if (changed || nextChangeMs <= following) return following;
  const next = Number.isFinite(nextChangeMs) ? gridAtOrAfter(originMs, intervalMs, nextChangeMs) : Infinity;
  const lastSkipped = Math.min(next - intervalMs, gridAtOrBefore(originMs, intervalMs, lastPossibleMs));
  const skipped = lastSkipped >= following ? Math.round((lastSkipped - ms) / intervalMs) : 0;
  if (memory.lastPoll && skipped > 0) memory.lastPoll.count += skipped;
  return next;
}

function gridAtOrBefore(originMs: number, intervalMs: number, ms: number): number {
  if (!Number.isFinite(ms)) return ms;
  return originMs + Math.floor((ms - originMs) / intervalMs) * intervalMs;
}

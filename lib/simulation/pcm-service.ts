import { createProcessMemory, type ClientState, type DueRecord, type ProcessMemory } from "./client-state";
import { pollInstructionFile, type PollReading } from "./poll-instruction-file";
import { gridAtOrAfter, nextPollAfter, nextRecordDateAfter, recordPoll } from "./poll-schedule";
import type { PreparedRecord } from "./prepare-simulation";

/** What the service needs to know about the desktop PCM: before SP2 a loaded Pcmwin32 blocks it (Q164657). */
export interface DesktopPresence {
  isLoadedAt(ms: number): boolean;
  nextLoadChangeAfter(ms: number): number;
}

/** SP4 runs overdue mandatory jobs in Mandatory After order, earlier PCMs in file order (Q173388). */
export function orderDue(due: DueRecord[], isMandatoryOrder: boolean): DueRecord[] {
  if (!isMandatoryOrder) return due;
  const key = (record: PreparedRecord) => record.mandatoryAt ?? record.offerAt;
  return [...due].sort((a, b) => key(a.record) - key(b.record));
}

/**
 * Pcmsvc32: polls from its start every polling interval (Q166765: "the next time the PCM service
 * checks the .ins file") and runs only System (Background) Task records (Q174933, Q165147): at
 * Mandatory After, or from SP3 at Offer After when the PDF said UserInputRequired=FALSE. It polls
 * nothing while a command it launched still runs (Q214448) and holds the semaphore meanwhile (Q173073).
 */
export class PcmService {
  nextAt: number;
  private readonly memory: ProcessMemory = createProcessMemory("service");
  private readonly originMs: number;

  constructor(
    private readonly state: ClientState,
    private readonly desktop: DesktopPresence,
  ) {
    this.originMs = state.sim.serviceStartMs;
    this.nextAt = this.originMs;
    if (this.originMs <= state.sim.toMs) state.emit(this.originMs, { kind: "pcm-started", process: "service" });
  }

  /** Before SP4 the service holds the semaphore while it reads the .INS as well (Q173073). */
  isQueryingAt(ms: number): boolean {
    const { sim } = this.state;
    if (!sim.behaviour.serviceHoldsSemaphoreWhileQuerying || ms < this.originMs) return false;
    const pollMs = this.originMs + Math.floor((ms - this.originMs) / sim.intervalMs) * sim.intervalMs;
    return ms - pollMs < sim.serviceQueryMs && !this.state.isServiceBusyAt(pollMs);
  }

  holdsSemaphoreAt(ms: number): boolean {
    return this.state.isServiceBusyAt(ms) || this.isQueryingAt(ms);
  }

  step(): void {
    const { state } = this;
    const { sim } = state;
    const ms = this.nextAt;
    const reading = pollInstructionFile(state, this.memory, ms);
    let changed = reading.changed;
    let busyUntil = -Infinity;
    if (reading.result === "read") {
      const due = this.dueRecords(reading, ms);
      if (due.changed) changed = true;
      if (due.records.length > 0) {
        if (sim.behaviour.serviceBlockedByLoadedDesktop && this.desktop.isLoadedAt(ms)) {
          for (const { record } of due.records) state.requestOf(record).notes.add("service-blocked-by-desktop");
          const ids = due.records.map(({ record }) => record.requestId);
          if (state.announce(this.memory, `blocked:${ids.join()}`)) {
            state.emit(ms, { kind: "service-blocked", requestIds: ids, article: "Q164657" });
            changed = true;
          }
        } else {
          const startMs = ms + sim.connectMs + sim.readMs;
          busyUntil = state.startRuns("service", orderDue(due.records, sim.behaviour.runsOverdueInMandatoryOrder), startMs);
          state.serviceBusy.push({ fromMs: startMs, toMs: busyUntil });
          changed = true;
        }
      }
    }
    recordPoll(state, this.memory, ms, reading, { serviceOnlySkipped: [] });
    let nextChangeMs = state.timeline.nextChangeAfter(ms);
    if (reading.result !== "file-unchanged") nextChangeMs = nextRecordDateAfter(reading.records, ms, nextChangeMs);
    if (sim.behaviour.serviceBlockedByLoadedDesktop) nextChangeMs = Math.min(nextChangeMs, this.desktop.nextLoadChangeAfter(ms));
    const next = nextPollAfter({ memory: this.memory, originMs: this.originMs, intervalMs: sim.intervalMs, ms, changed, nextChangeMs, lastPossibleMs: sim.toMs });
    this.nextAt = busyUntil > ms ? Math.max(next, gridAtOrAfter(this.originMs, sim.intervalMs, busyUntil)) : next;
  }

  private dueRecords(reading: PollReading, ms: number): { records: DueRecord[]; changed: boolean } {
    const { state, memory } = this;
    const { behaviour, history } = state.sim;
    const records: DueRecord[] = [];
    let changed = false;
    for (const record of reading.kept) {
      if (!record.isServiceOnly) continue;
      const request = state.requestOf(record);
      const { requestId } = record;
      if (request.isExecuted) {
        if (history.has(requestId) && request.runAts.length === 0 && state.announce(memory, `history:${requestId}`)) {
          state.emit(ms, { kind: "already-executed", process: "service", requestId });
          changed = true;
        } else if (request.ranBy === "service" && request.completedAt !== null && !request.hasRerunRisk) {
          // Still in the .INS at the next check: the status has not been processed yet (Q166765).
          request.hasRerunRisk = true;
          state.emit(ms, { kind: "rerun-risk", requestId, article: "Q166765", message: "The PCM service checked the .INS again before the run's status was processed; the package may run again. Keep the polling interval at 20 minutes or more." });
          changed = true;
        }
        continue;
      }
      if (reading.firstSeenExpired.has(requestId)) records.push({ record, trigger: "first-seen-after-expiry" });
      else if (record.mandatoryAt !== null) {
        if (ms >= record.mandatoryAt) records.push({ record, trigger: "mandatory" });
      } else if (!behaviour.serviceRunsNonMandatory) {
        request.notes.add("service-never-runs-non-mandatory");
        if (state.announce(memory, `r4:${requestId}`)) {
          state.emit(ms, { kind: "not-run-by-service", requestId, rule: "R4", article: "Q174933", message: "Before SMS 1.2 SP3 the PCM service never runs a background job without Mandatory After, and logs nothing." });
          changed = true;
        }
      } else if (record.isUserInputRequired) {
        request.notes.add("service-needs-user-input-flag");
        if (state.announce(memory, `r5:${requestId}`)) {
          state.emit(ms, { kind: "not-run-by-service", requestId, rule: "R5", article: "Q174933", message: "The SP3+ PCM service runs a non-mandatory background job only when the PDF set UserInputRequired=FALSE." });
          changed = true;
        }
      } else records.push({ record, trigger: "offer" });
    }
    return { records, changed };
  }
}

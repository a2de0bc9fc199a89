import { InstructionFileTimeline } from "./instruction-file-timeline";
import { siteClockText } from "./site-clock";
import type { PreparedRecord, PreparedSimulation } from "./prepare-simulation";
import type { PcmProcess, PollEvent, RunTrigger, SimulationEvent } from "./simulation-result";

/** Why a record has not run yet, noted as the simulation meets it and explained by client-outcome.ts. */
export type RequestNote =
  | "filtered-platform"
  | "platform-unknown"
  | "expired"
  | "canceled"
  | "service-never-runs-non-mandatory"
  | "service-needs-user-input-flag"
  | "service-blocked-by-desktop"
  | "file-not-reprocessed"
  | "blocked-by-hung-command"
  | "not-run-by-user"
  | "window-ended";

/** Facts about the client as a whole that explain why nothing ran. */
export type ClientNote = "pcmwin32-not-loaded" | "desktop-exited-no-logon-server" | "desktop-exited-semaphore";

export interface RequestState {
  requestId: string;
  /** The record as last read by either PCM. */
  record: PreparedRecord;
  isExecuted: boolean;
  runAts: number[];
  ranBy: PcmProcess | null;
  completedAt: number | null;
  hasRerunRisk: boolean;
  /** When the despooler removes the expired job from this client's file (Q188042). */
  expiryProcessedAt: number | null;
  notes: Set<RequestNote>;
}

/** What one PCM process remembers between polls (its part of Pcmhist.reg and its window). */
export interface ProcessMemory {
  process: PcmProcess;
  /** Request IDs this PCM has ever read in its file (Q255284 is about the first time). */
  everRead: Set<string>;
  /** Request IDs it has listed after filtering: a kept record not in here is a new package (Q237690). */
  seen: Set<string>;
  offered: Set<string>;
  /** Keys of one-time events already emitted, e.g. "skip:BP0000Y". */
  announced: Set<string>;
  /** Request IDs in the file at the last poll that read it. */
  lastPresent: Set<string>;
  lastFileKey: string | null;
  lastFilterKey: string;
  lastPoll: PollEvent | null;
  /** When `lastPoll`'s first poll happened. */
  lastPollStartMs: number;
}

export interface DueRecord {
  record: PreparedRecord;
  trigger: RunTrigger;
}

type Draft<Event> = Event extends unknown ? Omit<Event, "at"> : never;
export type EventDraft = Draft<SimulationEvent>;

export function createProcessMemory(process: PcmProcess): ProcessMemory {
  return { process, everRead: new Set(), seen: new Set(), offered: new Set(), announced: new Set(), lastPresent: new Set(), lastFileKey: null, lastFilterKey: "", lastPoll: null, lastPollStartMs: -Infinity };
}

export class ClientState {
  readonly timeline: InstructionFileTimeline;
  readonly requests = new Map<string, RequestState>();
  readonly clientNotes = new Set<ClientNote>();
  /** When Pcmsvc32 holds the semaphore for a job it launched (Q173073, Q214448). */
  readonly serviceBusy: { fromMs: number; toMs: number }[] = [];
  private readonly eventTimes: number[] = [];
  private readonly drafts: EventDraft[] = [];

  constructor(readonly sim: PreparedSimulation) {
    this.timeline = new InstructionFileTimeline(sim.versions);
    // Every record the window's files hold gets an outcome, read or not, in order of first appearance.
    for (const version of sim.versions) {
      if (version.fromMs > sim.toMs) break;
      for (const record of version.records ?? []) this.requestOf(record);
    }
  }

  /** Records an event; its wall-clock `at` is added when the simulation ends (formatting is the costly part). */
  emit<Event extends EventDraft>(ms: number, draft: Event): Event {
    this.eventTimes.push(ms);
    this.drafts.push(draft);
    return draft;
  }

  /** Emits a one-time event per process and key; false when it was already emitted. */
  announce(memory: ProcessMemory, key: string): boolean {
    if (memory.announced.has(key)) return false;
    memory.announced.add(key);
    return true;
  }

  requestOf(record: PreparedRecord): RequestState {
    let request = this.requests.get(record.requestId);
    if (!request) {
      request = { requestId: record.requestId, record, isExecuted: this.sim.history.has(record.requestId), runAts: [], ranBy: null, completedAt: null, hasRerunRisk: false, expiryProcessedAt: null, notes: new Set() };
      this.requests.set(record.requestId, request);
    } else request.record = record;
    return request;
  }

  isServiceBusyAt(ms: number): boolean {
    return this.serviceBusy.some((busy) => busy.fromMs <= ms && ms < busy.toMs);
  }

  /**
   * Launches the due commands one after another from `startMs`: PCM launches nothing else while a
   * process it started still runs (Q214448). Returns when the last one ends (Infinity if one hangs).
   */
  startRuns(process: PcmProcess, due: readonly DueRecord[], startMs: number): number {
    let cursor = startMs;
    for (const [position, { record, trigger }] of due.entries()) {
      const request = this.requestOf(record);
      if (request.isExecuted) continue;
      if (cursor > this.sim.toMs) {
        for (const rest of due.slice(position)) this.requestOf(rest.record).notes.add("window-ended");
        return cursor;
      }
      const { command } = record;
      const endMs = command.exitStatus === "hangs" ? Infinity : cursor + command.durationMs;
      this.emit(cursor, { kind: "ran", process, requestId: record.requestId, trigger, endsAt: Number.isFinite(endMs) ? siteClockText(endMs) : null });
      request.isExecuted = true;
      request.runAts.push(cursor);
      request.ranBy ??= process;
      if (!Number.isFinite(endMs)) {
        for (const rest of due.slice(position + 1)) this.requestOf(rest.record).notes.add("blocked-by-hung-command");
        return Infinity;
      }
      this.reportCompletion(process, record, request, endMs);
      cursor = endMs;
    }
    return cursor;
  }

  /** PCM reports through a status MIF; a failing command looks like success without one (Q169491, Q190135). */
  private reportCompletion(process: PcmProcess, record: PreparedRecord, request: RequestState, endMs: number): void {
    const { command } = record;
    const isFailure = command.exitStatus === "failure" && command.writesStatusMif;
    const statusMif = command.writesStatusMif ? `${windowsDirectoryOf(this.sim)}\\${command.statusMifFileName}` : null;
    this.emit(endMs, { kind: "completed", process, requestId: record.requestId, reportedStatus: isFailure ? "failure" : "success", statusMif });
    request.completedAt = endMs;
    if (this.sim.statusProcessingMs === null) return;
    const processedMs = endMs + this.sim.statusProcessingMs;
    // Success: the despooler executes the .sni and removes the instruction; failure: it deletes the .sni, the job shows Retrying.
    this.emit(processedMs, { kind: "status-processed", requestId: record.requestId, workstationStatus: isFailure ? "Retrying" : "Complete", isRecordRemoved: !isFailure });
    if (!isFailure) this.timeline.scheduleRemoval(record.requestId, processedMs);
  }

  /** The events within the window, in time order, with their wall-clock times. */
  finishEvents(): SimulationEvent[] {
    const { eventTimes, drafts } = this;
    const order: number[] = [];
    for (let index = 0; index < eventTimes.length; index += 1) if ((eventTimes[index] as number) <= this.sim.toMs) order.push(index);
    order.sort((a, b) => (eventTimes[a] as number) - (eventTimes[b] as number) || a - b);
    return order.map((index) => {
      const event = drafts[index] as unknown as SimulationEvent;
      event.at = siteClockText(eventTimes[index] as number);
      return event;
    });
  }
}

export function windowsDirectoryOf(sim: PreparedSimulation): string {
  return sim.client.windowsDirectory ?? (sim.client.platform.startsWith("WIN32") ? "C:\\WINNT" : "C:\\WINDOWS");
}

import { createProcessMemory, type ClientState, type DueRecord, type ProcessMemory } from "./client-state";
import { pollInstructionFile, type PollReading } from "./poll-instruction-file";
import { gridAtOrAfter, nextPollAfter, nextRecordDateAfter, recordPoll } from "./poll-schedule";
import { orderDue, type DesktopPresence, type PcmService } from "./pcm-service";
import { MINUTE_MS, type PreparedSession } from "./prepare-simulation";
import { siteClockText } from "./site-clock";

/** Q173073's message box, shown when Pcmwin32 cannot get the semaphore from Pcmsvc32. */
export const SERVICE_BUSY_MESSAGE =
  "A package is currently being installed in the background. This is routine, however please wait until it has completed before starting any new packages.";

/**
 * The desktop PCM (Pcmwin32, Pcmwin16, PCMDOS, PCMMAC): started at each logon (SMSRUN, Q131777,
 * Q164657), it reads the .INS at start-up and then every polling interval (Q149683), offers new
 * packages, counts down five minutes at a mandatory time (Q185805) and runs one command at a time.
 */
export class DesktopPcm implements DesktopPresence {
  nextAt: number;
  service: PcmService | null = null;
  private readonly memory: ProcessMemory = createProcessMemory("desktop");
  private readonly sessions: readonly PreparedSession[];
  private readonly loaded: { fromMs: number; toMs: number }[] = [];
  private sessionIndex = 0;
  private isStarting = true;
  private originMs = 0;

  constructor(private readonly state: ClientState) {
    const { sim } = state;
    this.sessions = sim.sessions;
    const first = this.sessions[0];
    this.nextAt = first ? first.logonMs : Infinity;
    if (first && sim.client.pcmVariant === "PCMWIN32" && sim.client.isPcmwin32AutoStart === false) {
      state.clientNotes.add("pcmwin32-not-loaded");
      state.emit(first.logonMs, { kind: "pcm-not-started", process: "desktop", message: "Pcmwin32 is not loaded at logon (site client setting or Smsrun32.ini load= line).", article: "Q164657" });
      this.nextAt = Infinity;
    }
  }

  isLoadedAt(ms: number): boolean {
    return this.loaded.some((span) => span.fromMs <= ms && ms < span.toMs);
  }

  nextLoadChangeAfter(ms: number): number {
    let next = Infinity;
    for (const session of this.sessions) {
      if (session.logonMs > ms && session.logonMs < next) next = session.logonMs;
      if (session.logoffMs > ms && session.logoffMs < next) next = session.logoffMs;
    }
    return next;
  }

  step(): void {
    if (this.isStarting) this.start();
    else this.poll();
  }

  private get session(): PreparedSession {
    return this.sessions[this.sessionIndex] as PreparedSession;
  }

  private nextSession(): void {
    this.sessionIndex += 1;
    this.isStarting = true;
    this.nextAt = this.sessions[this.sessionIndex]?.logonMs ?? Infinity;
  }

  private holdsSemaphore(ms: number): boolean {
    return this.state.sim.client.pcmVariant === "PCMWIN32" && this.service !== null && this.service.holdsSemaphoreAt(ms);
  }

  /** Start-up at logon: the service's semaphore (Q231378), then the logon server (Q188578). */
  private start(): void {
    const { state } = this;
    const { sim } = state;
    const logonMs = this.session.logonMs;
    let firstPollMs = logonMs;
    let startedMs = logonMs;
    // A restarted PCM processes the .INS again even before SP2 (Q163488).
    this.memory.lastFileKey = null;
    state.emit(logonMs, { kind: "pcm-started", process: "desktop" });
    if (this.holdsSemaphore(logonMs)) {
      const exits = sim.behaviour.exitsOnSemaphoreTimeout;
      startedMs = logonMs + sim.semaphoreTimeoutMs;
      state.emit(startedMs, { kind: "semaphore-timeout", process: "desktop", exits, article: "Q231378" });
      if (exits) {
        state.clientNotes.add("desktop-exited-semaphore");
        return this.nextSession();
      }
      // Inferred: the hotfixed Pcmwin32 stays loaded and tries again at its next poll.
      firstPollMs = logonMs + sim.intervalMs;
    }
    if (this.sessionIndex === 0 && sim.client.hasLogonServerAtStartup === false) {
      const exits = sim.behaviour.exitsWithoutLogonServer;
      state.emit(startedMs, { kind: "no-logon-server", process: "desktop", exits, article: "Q188578" });
      if (exits) {
        state.clientNotes.add("desktop-exited-no-logon-server");
        return this.nextSession();
      }
      firstPollMs = logonMs + sim.intervalMs;
    }
    this.loaded.push({ fromMs: logonMs, toMs: this.session.logoffMs });
    this.isStarting = false;
    this.originMs = logonMs;
    this.nextAt = firstPollMs;
    if (firstPollMs >= this.session.logoffMs) this.nextSession();
  }

  private poll(): void {
    const { state } = this;
    const { sim } = state;
    const ms = this.nextAt;
    let reading: PollReading;
    let changed: boolean;
    if (this.holdsSemaphore(ms)) {
      reading = { result: "semaphore-busy", records: [], kept: [], filtered: [], firstSeenExpired: new Set(), sniRequestIds: [], hasNewPackages: false, changed: false };
      const busy = state.serviceBusy.find((span) => span.fromMs <= ms && ms < span.toMs);
      changed = state.announce(this.memory, `busy:${busy ? busy.fromMs : "query"}`);
      if (changed) state.emit(ms, { kind: "semaphore-busy", process: "desktop", message: SERVICE_BUSY_MESSAGE, article: "Q173073" });
    } else {
      reading = pollInstructionFile(state, this.memory, ms);
      changed = reading.changed;
    }
    const { due, skipped, changed: dispatched } = reading.result === "read" ? this.dispatch(reading, ms) : { due: [], skipped: [], changed: false };
    recordPoll(state, this.memory, ms, reading, { serviceOnlySkipped: skipped });
    let busyUntil = -Infinity;
    if (due.length > 0) busyUntil = this.run(due, ms);
    const nextChangeMs = this.nextChangeAfter(ms, reading);
    const lastPossibleMs = Math.min(sim.toMs, this.session.logoffMs - 1);
    const next = nextPollAfter({ memory: this.memory, originMs: this.originMs, intervalMs: sim.intervalMs, ms, changed: changed || dispatched || due.length > 0, nextChangeMs, lastPossibleMs });
    this.nextAt = busyUntil > ms ? Math.max(next, gridAtOrAfter(this.originMs, sim.intervalMs, busyUntil)) : next;
    if (busyUntil === Infinity) this.nextAt = Infinity;
    else if (this.nextAt >= this.session.logoffMs) this.nextSession();
  }

  private nextChangeAfter(ms: number, reading: PollReading): number {
    const { state } = this;
    let next = state.timeline.nextChangeAfter(ms);
    if (reading.result !== "file-unchanged") next = nextRecordDateAfter(state.timeline.recordsAt(ms) ?? [], ms, next);
    if (this.service) {
      if (this.service.nextAt > ms && this.service.nextAt < next) next = this.service.nextAt;
      for (const span of state.serviceBusy) {
        if (span.fromMs > ms && span.fromMs < next) next = span.fromMs;
        if (span.toMs > ms && span.toMs < next) next = span.toMs;
      }
    }
    return next;
  }

  private dispatch(reading: PollReading, ms: number): { due: DueRecord[]; skipped: string[]; changed: boolean } {
    const { state, memory } = this;
    const { sim } = state;
    const due: DueRecord[] = [];
    const skipped: string[] = [];
    const notYetOffered: string[] = [];
    let changed = false;
    for (const record of reading.kept) {
      const { requestId } = record;
      const request = state.requestOf(record);
      if (record.isServiceOnly && !sim.behaviour.desktopRunsServiceOnly) {
        // "Package (Request ID) … is marked for service-only execution, skipping it." (Q166765)
        skipped.push(requestId);
        if (state.announce(memory, `skip:${requestId}`)) {
          state.emit(ms, { kind: "skipped-service-only", requestId, article: "Q166765" });
          changed = true;
        }
        continue;
      }
      if (request.isExecuted) {
        if (sim.history.has(requestId) && request.runAts.length === 0 && state.announce(memory, `history:${requestId}`)) {
          state.emit(ms, { kind: "already-executed", process: "desktop", requestId });
          changed = true;
        }
        continue;
      }
      if (ms < record.offerAt) {
        notYetOffered.push(requestId);
        continue;
      }
      const isFirstOffer = !memory.offered.has(requestId);
      if (isFirstOffer) {
        memory.offered.add(requestId);
        state.emit(ms, { kind: "offered", requestId });
        changed = true;
      }
      if (reading.firstSeenExpired.has(requestId)) due.push({ record, trigger: "first-seen-after-expiry" });
      else if (record.mandatoryAt !== null && ms >= record.mandatoryAt) due.push({ record, trigger: "mandatory" });
      else if (isFirstOffer && sim.userRunsOfferedPackages) due.push({ record, trigger: "user" });
      else if (!sim.userRunsOfferedPackages) request.notes.add("not-run-by-user");
    }
    // 1.0/1.1 count packages not yet offered as pending and pop up an empty window (Q149683).
    if (notYetOffered.length > 0 && state.announce(memory, `blank:${notYetOffered.join()}`)) {
      state.emit(ms, { kind: "blank-window", requestIds: notYetOffered, article: "Q149683" });
      changed = true;
    }
    return { due, skipped, changed };
  }

  /** Mandatory jobs wait out the countdown; a user who runs an offered package starts it at once. */
  private run(due: DueRecord[], ms: number): number {
    const { state } = this;
    const { sim } = state;
    const readMs = ms + sim.connectMs + sim.readMs;
    const isMandatory = due.some(({ trigger }) => trigger !== "user");
    const startMs = isMandatory ? readMs + sim.behaviour.countdownMinutes * MINUTE_MS : readMs;
    if (isMandatory) {
      const requestIds = due.map(({ record }) => record.requestId);
      state.emit(readMs, { kind: "countdown-started", requestIds, minutes: sim.behaviour.countdownMinutes, runsAt: siteClockText(startMs), article: "Q185805" });
    }
    return state.startRuns("desktop", orderDue(due, sim.behaviour.runsOverdueInMandatoryOrder), startMs);
  }
}

import { windowsDirectoryOf } from "./client-state";
import { pcmwinLongDate, pcmwinTimestamp } from "./log-timestamps";
import { writeMerged, type LogLine, type LogSource, type LogWriter } from "./log-writer";
import { despoolerBoxPath, instructionBoxPath, instructionFilePath } from "./logon-server-paths";
import { SECOND_MS, type PreparedRecord, type PreparedSimulation } from "./prepare-simulation";
import { siteClockMs } from "./site-clock";
import type { PollEvent, SimulationEvent } from "./simulation-result";

/** Q214898's process handle; a desktop job's handle is not otherwise known. */
const DESKTOP_PROCESS_HANDLE = 9230;
/** Pcmwin32 checks its running job every 2 seconds (Q214898, Q193784). */
const MONITOR_INTERVAL_MS = 2 * SECOND_MS;

/** Every line starts "[MM/DD/YY HH:MM:SS] Package Command Manager ==> " (Q166765, Q237690, Q169491). */
export function formatPcmwinLine(clientMs: number, text: string): string {
  return `${pcmwinTimestamp(clientMs)} Package Command Manager ${text}`;
}

const said = (text: string) => `==> ${text}`;

type StartEvent = Extract<SimulationEvent, { kind: "semaphore-timeout" | "no-logon-server" }>;

/** The start-up events that belong to the desktop start at `index`. */
function startEventsAfter(events: readonly SimulationEvent[], index: number): StartEvent[] {
  const found: StartEvent[] = [];
  for (let position = index + 1; position < events.length; position += 1) {
    const event = events[position] as SimulationEvent;
    if (event.kind === "semaphore-timeout" || event.kind === "no-logon-server") found.push(event);
    else if ((event.kind === "poll" || event.kind === "pcm-started") && event.process === "desktop") break;
  }
  return found;
}

/** Start-up (Q188578, Q231378): the busy-dialog setting, the service's semaphore, then the logon server. */
function* startLines(sim: PreparedSimulation, startMs: number, startEvents: readonly StartEvent[]): Generator<LogLine> {
  yield { ms: startMs, text: said("Initializing .....") };
  if (sim.behaviour.logsServiceBusyDialogSetting) yield { ms: startMs, text: said("PCM Service busy dialog is enabled (default).") };
  let cursor = startMs;
  const semaphore = startEvents.find((event) => event.kind === "semaphore-timeout");
  if (semaphore) {
    cursor = siteClockMs(semaphore.at);
    yield { ms: cursor, text: said("Timed out waiting for the PCM service semaphore.") };
    yield { ms: cursor, text: said("Failed to get control of the semaphore from PCMSVC.") };
    if (semaphore.exits) return yield { ms: cursor, text: said("Exiting .........") };
  }
  const historyMs = sim.client.pcmHistoryCreatedAt ? siteClockMs(sim.client.pcmHistoryCreatedAt) : (sim.sessions[0]?.logonMs ?? startMs);
  yield { ms: cursor, text: said(`PCM executed on ${pcmwinLongDate(startMs + sim.offsetMs)}`) };
  yield { ms: cursor, text: said(`The PCM History file was created on ${pcmwinLongDate(historyMs + sim.offsetMs)}`) };
  const noLogonServer = startEvents.find((event) => event.kind === "no-logon-server");
  if (noLogonServer) {
    yield { ms: cursor, text: said("Failed to connect to SMS Logon Server.") };
    if (noLogonServer.exits) yield { ms: cursor, text: said("Exiting .........") };
  }
}

/** One refresh (Q237690), its filter counts (Q166765: "=>" on the before-filter line) and service-only skips. */
function* pollLines(sim: PreparedSimulation, pollMs: number, poll: PollEvent): Generator<LogLine> {
  const { client, behaviour } = sim;
  yield { ms: pollMs, text: said("Polling .....") };
  if (poll.result === "semaphore-busy") {
    // Inferred: the same wait Pcmwin32 logs at start-up (Q231378); the poll is abandoned (Q173073).
    yield { ms: pollMs + sim.semaphoreTimeoutMs, text: said("Timed out waiting for the PCM service semaphore.") };
    return yield { ms: pollMs + sim.semaphoreTimeoutMs, text: said("Failed to get control of the semaphore from PCMSVC.") };
  }
  yield { ms: pollMs, text: said("Attempting to refresh package collection from logon server.") };
  const connectedMs = pollMs + sim.connectMs;
  yield { ms: connectedMs, text: said(`Connected to logon server: ${instructionBoxPath(client.logonServer)}`) };
  yield { ms: connectedMs, text: said(`Looking for instruction file: ${instructionFilePath(client.logonServer, client.smsId)}`) };
  const readMs = connectedMs + sim.readMs;
  if (poll.result === "file-missing") return yield { ms: readMs, text: said("No instruction file.") };
  if (poll.result === "file-unchanged") return;
  if (behaviour.logsPackagesBeforeFilter) yield { ms: readMs, text: `=> Packages before filter: ${poll.packagesBefore}` };
  yield { ms: readMs, text: said(`Packages after filter: ${poll.packagesAfter}`) };
  yield { ms: readMs, text: said(poll.hasNewPackages ? "New packages found." : "No new packages found.") };
  if (client.pcmVariant === "PCMWIN32" && poll.packagesAfter > 0) yield { ms: readMs, text: said("The desktop version already has the mutex.") };
  for (const requestId of poll.serviceOnlySkipped) yield { ms: readMs, text: said(`Package (Request ID) ${requestId} is marked for service-only execution, skipping it.`) };
}

/** A poll event's polls, from the first one the range can show. */
export function* repeatedPollLines(fromMs: number, ms: number, poll: PollEvent, linesOf: (pollMs: number) => Generator<LogLine>): Generator<LogLine> {
  const intervalMs = poll.everyMinutes * 60 * SECOND_MS;
  for (let repeat = stepsBefore(fromMs, ms, Infinity, intervalMs); repeat < poll.count; repeat += 1) yield* linesOf(ms + repeat * intervalMs);
}

/** The monitoring loop (Q214898, Q193784) and the completion report (Q169491). */
function* runLines(sim: PreparedSimulation, fromMs: number, startMs: number, endMs: number, record: PreparedRecord | undefined): Generator<LogLine> {
  const handle = said(`The running process handle is ${DESKTOP_PROCESS_HANDLE}`);
  let check = startMs + stepsBefore(fromMs, startMs, endMs, MONITOR_INTERVAL_MS) * MONITOR_INTERVAL_MS;
  for (; check < endMs; check += MONITOR_INTERVAL_MS) {
    yield { ms: check, text: said("Monitoring running job.") };
    yield { ms: check, text: handle };
    yield { ms: check, text: said("A job is in process.") };
  }
  yield { ms: check, text: said("Monitoring running job.") };
  yield { ms: check, text: handle };
  yield { ms: check, text: said("A job is not in process.") };
  yield { ms: check, text: said("Reporting on completed package execution.") };
  yield { ms: check, text: said("No error was detected while attempting to run the job.") };
  if (record?.command.writesStatusMif) yield { ms: check, text: said(`Need to report with DMTF MIF: ${windowsDirectoryOf(sim)}\\${record.command.statusMifFileName}`) };
  yield { ms: check, text: said(`Writing status information to ${despoolerBoxPath(sim.client.logonServer)}`) };
}

/** Whole steps from `startMs` that end before both `fromMs` and `endMs`: output nobody asked for, skipped. */
export function stepsBefore(fromMs: number, startMs: number, endMs: number, stepMs: number): number {
  if (startMs >= fromMs) return 0;
  return Math.max(0, Math.floor((Math.min(endMs, fromMs) - startMs) / stepMs) - 1);
}

export function recordsById(sim: PreparedSimulation): Map<string, PreparedRecord> {
  const records = new Map<string, PreparedRecord>();
  for (const version of sim.versions) for (const record of version.records ?? []) records.set(record.requestId, record);
  return records;
}

/** Pcmwin.log, line for line as the KB excerpts show it (digest §5.3-5.8), from the desktop's events. */
export function writePcmwinLog(sim: PreparedSimulation, events: readonly SimulationEvent[], writer: LogWriter): void {
  const records = recordsById(sim);
  const sources: LogSource[] = [];
  for (const [index, event] of events.entries()) {
    const startMs = siteClockMs(event.at);
    if (event.kind === "pcm-started" && event.process === "desktop") {
      sources.push({ startMs, lines: () => startLines(sim, startMs, startEventsAfter(events, index)) });
    } else if (event.kind === "poll" && event.process === "desktop") {
      sources.push({ startMs, lines: () => repeatedPollLines(writer.fromMs, startMs, event, (pollMs) => pollLines(sim, pollMs, event)) });
    } else if (event.kind === "ran" && event.process === "desktop") {
      const endMs = event.endsAt === null ? Infinity : siteClockMs(event.endsAt);
      sources.push({ startMs, lines: () => runLines(sim, writer.fromMs, startMs, endMs, records.get(event.requestId)) });
    }
  }
  writeMerged(sources, writer);
}

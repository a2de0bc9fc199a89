import { windowsDirectoryOf } from "./client-state";
import { pcmwinLongDate, pcmwinTimestamp } from "./log-timestamps";
import type { LogWriter } from "./log-writer";
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
function writeStart(sim: PreparedSimulation, writer: LogWriter, startMs: number, startEvents: readonly StartEvent[]): void {
  writer.write(startMs, said("Initializing ....."));
  if (sim.behaviour.logsServiceBusyDialogSetting) writer.write(startMs, said("PCM Service busy dialog is enabled (default)."));
  let cursor = startMs;
  const semaphore = startEvents.find((event) => event.kind === "semaphore-timeout");
  if (semaphore) {
    cursor = siteClockMs(semaphore.at);
    writer.write(cursor, said("Timed out waiting for the PCM service semaphore."));
    writer.write(cursor, said("Failed to get control of the semaphore from PCMSVC."));
    if (semaphore.exits) return writer.write(cursor, said("Exiting ........."));
  }
  const historyMs = sim.client.pcmHistoryCreatedAt ? siteClockMs(sim.client.pcmHistoryCreatedAt) : (sim.sessions[0]?.logonMs ?? startMs);
  writer.write(cursor, said(`PCM executed on ${pcmwinLongDate(startMs + sim.offsetMs)}`));
  writer.write(cursor, said(`The PCM History file was created on ${pcmwinLongDate(historyMs + sim.offsetMs)}`));
  const noLogonServer = startEvents.find((event) => event.kind === "no-logon-server");
  if (noLogonServer) {
    writer.write(cursor, said("Failed to connect to SMS Logon Server."));
    if (noLogonServer.exits) writer.write(cursor, said("Exiting ........."));
  }
}

/** One refresh (Q237690), its filter counts (Q166765: "=>" on the before-filter line) and service-only skips. */
function writePoll(sim: PreparedSimulation, writer: LogWriter, pollMs: number, poll: PollEvent): void {
  const { client, behaviour } = sim;
  writer.write(pollMs, said("Polling ....."));
  if (poll.result === "semaphore-busy") {
    // Inferred: the same wait Pcmwin32 logs at start-up (Q231378); the poll is abandoned (Q173073).
    writer.write(pollMs + sim.semaphoreTimeoutMs, said("Timed out waiting for the PCM service semaphore."));
    writer.write(pollMs + sim.semaphoreTimeoutMs, said("Failed to get control of the semaphore from PCMSVC."));
    return;
  }
  writer.write(pollMs, said("Attempting to refresh package collection from logon server."));
  const connectedMs = pollMs + sim.connectMs;
  writer.write(connectedMs, said(`Connected to logon server: ${instructionBoxPath(client.logonServer)}`));
  writer.write(connectedMs, said(`Looking for instruction file: ${instructionFilePath(client.logonServer, client.smsId)}`));
  const readMs = connectedMs + sim.readMs;
  if (poll.result === "file-missing") return writer.write(readMs, said("No instruction file."));
  if (poll.result === "file-unchanged") return;
  if (behaviour.logsPackagesBeforeFilter) writer.write(readMs, `=> Packages before filter: ${poll.packagesBefore}`);
  writer.write(readMs, said(`Packages after filter: ${poll.packagesAfter}`));
  writer.write(readMs, said(poll.hasNewPackages ? "New packages found." : "No new packages found."));
  if (client.pcmVariant === "PCMWIN32" && poll.packagesAfter > 0) writer.write(readMs, said("The desktop version already has the mutex."));
  for (const requestId of poll.serviceOnlySkipped) writer.write(readMs, said(`Package (Request ID) ${requestId} is marked for service-only execution, skipping it.`));
}

/** The monitoring loop (Q214898, Q193784) and the completion report (Q169491). */
function writeRun(sim: PreparedSimulation, writer: LogWriter, startMs: number, endMs: number, record: PreparedRecord | undefined): void {
  const handle = said(`The running process handle is ${DESKTOP_PROCESS_HANDLE}`);
  let check = startMs;
  check += stepsBefore(writer.fromMs, check, endMs, MONITOR_INTERVAL_MS) * MONITOR_INTERVAL_MS;
  for (; check < endMs; check += MONITOR_INTERVAL_MS) {
    if (writer.isPast(check) || !writer.isOpen) return;
    writer.write(check, said("Monitoring running job."));
    writer.write(check, handle);
    writer.write(check, said("A job is in process."));
  }
  writer.write(check, said("Monitoring running job."));
  writer.write(check, handle);
  writer.write(check, said("A job is not in process."));
  writer.write(check, said("Reporting on completed package execution."));
  writer.write(check, said("No error was detected while attempting to run the job."));
  if (record?.command.writesStatusMif) writer.write(check, said(`Need to report with DMTF MIF: ${windowsDirectoryOf(sim)}\\${record.command.statusMifFileName}`));
  writer.write(check, said(`Writing status information to ${despoolerBoxPath(sim.client.logonServer)}`));
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
  for (const [index, event] of events.entries()) {
    if (!writer.isOpen) return;
    const ms = siteClockMs(event.at);
    if (writer.isPast(ms)) return;
    if (event.kind === "pcm-started" && event.process === "desktop") writeStart(sim, writer, ms, startEventsAfter(events, index));
    else if (event.kind === "poll" && event.process === "desktop") {
      const intervalMs = event.everyMinutes * 60 * SECOND_MS;
      const first = stepsBefore(writer.fromMs, ms, Infinity, intervalMs);
      for (let repeat = first; repeat < event.count && writer.isOpen && !writer.isPast(ms + repeat * intervalMs); repeat += 1) writePoll(sim, writer, ms + repeat * intervalMs, event);
    } else if (event.kind === "ran" && event.process === "desktop") {
      writeRun(sim, writer, ms, event.endsAt === null ? Infinity : siteClockMs(event.endsAt), records.get(event.requestId));
    }
  }
}

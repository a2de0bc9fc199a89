import { windowsDirectoryOf } from "./client-state";
import { pacmanRawTime, smstraceTime } from "./log-timestamps";
import type { LogWriter } from "./log-writer";
import { despoolerBoxPath, instructionBoxPath, instructionFilePath } from "./logon-server-paths";
import { recordsById, stepsBefore } from "./pcmwin-log";
import { SECOND_MS, type PreparedRecord, type PreparedSimulation } from "./prepare-simulation";
import { siteClockMs } from "./site-clock";
import type { PollEvent, SimulationEvent } from "./simulation-result";

/** How PACMAN.LOG reads: the file itself (Q201764, Q193784), or as SMSTRACE exports it (Q214448). */
export const PACMAN_FORMATS = ["raw", "smstrace"] as const;
export type PacmanFormat = (typeof PACMAN_FORMATS)[number];

export const PACMAN_COMPONENT = "SMS_PACKAGE_COMMAND_MANAGER_NT";
/** The thread, process handle and drive letter of Q214448's excerpt; the real ones vary per run. */
const SERVICE_THREAD = "6E";
const SERVICE_PROCESS_HANDLE = 124;
const PACKAGE_DRIVE = "F:";
/** "Job still running" every 2.5 seconds, first one second after launch (Q214448). */
const FIRST_CHECK_MS = SECOND_MS;
const CHECK_INTERVAL_MS = 2.5 * SECOND_MS;

export function pacmanLineFormatter(format: PacmanFormat): (clientMs: number, text: string) => string {
  if (format === "smstrace") return (clientMs, text) => `${text}\t${PACMAN_COMPONENT}\t${smstraceTime(clientMs)}\t${SERVICE_THREAD}\t`;
  return (clientMs, text) => `${text}~   $$<${PACMAN_COMPONENT}><${pacmanRawTime(clientMs)}~><thread=${SERVICE_THREAD}>`;
}

/** One check of the .INS (Q160855); the filter counts are worded as the 1.0 service and the desktop word them (inferred). */
function writePoll(sim: PreparedSimulation, writer: LogWriter, pollMs: number, poll: PollEvent): void {
  const { client } = sim;
  const connectedMs = pollMs + sim.connectMs;
  writer.write(connectedMs, `Connected to logon server: ${instructionBoxPath(client.logonServer)}`);
  writer.write(connectedMs, `Looking for file: ${instructionFilePath(client.logonServer, client.smsId)}`);
  const readMs = connectedMs + sim.readMs;
  if (poll.result === "file-missing") return writer.write(readMs, "No instruction file.");
  if (poll.result !== "read") return;
  writer.write(readMs, `Packages before filter: ${poll.packagesBefore}`);
  writer.write(readMs, `Packages after filter: ${poll.packagesAfter}`);
}

/** Launch, the monitoring loop and the report, as Q214448's normal run shows them. */
function writeRun(sim: PreparedSimulation, writer: LogWriter, startMs: number, endMs: number, record: PreparedRecord | undefined): void {
  const commandLine = record ? `${PACKAGE_DRIVE}\\${record.record.packageId}\\${record.record.runCommand}` : "";
  writer.write(startMs, `Executing command line: ${commandLine}`);
  writer.write(startMs, "No execution error detected.");
  writer.write(startMs, `The process handle is #${SERVICE_PROCESS_HANDLE}`);
  writer.write(startMs, "Ending LaunchScript..................");
  writer.write(startMs, "Package executed.");
  writer.write(startMs, "Monitoring the job.");
  let check = startMs + FIRST_CHECK_MS;
  check += stepsBefore(writer.fromMs, check, endMs, CHECK_INTERVAL_MS) * CHECK_INTERVAL_MS;
  for (; check < endMs; check += CHECK_INTERVAL_MS) {
    if (writer.isPast(check) || !writer.isOpen) return;
    writer.write(check, "Job still running............");
  }
  writer.write(check, "Job completed.");
  // SP4's SynchronousSystemExitRequired handling (Q175652) logs something else; the KB does not say what.
  if (!record?.isSynchronousSystemExit) writer.write(check, "No SyncSysExit in effect, report status after completion.");
  writer.write(check, "Reporting job status.");
  writer.write(check, "Beginning ReportOnProcess...........");
  writer.write(check, "No error was detected while attempting to run the job.");
  // Inferred from the desktop's report (Q169491): the excerpt stops at the line above.
  if (record?.command.writesStatusMif) writer.write(check, `Need to report with DMTF MIF: ${windowsDirectoryOf(sim)}\\${record.command.statusMifFileName}`);
  writer.write(check, `Writing status information to ${despoolerBoxPath(sim.client.logonServer)}`);
}

/** PACMAN.LOG of the PCM service (digest §5.9-5.13), from the service's events. */
export function writePacmanLog(sim: PreparedSimulation, events: readonly SimulationEvent[], writer: LogWriter): void {
  const records = recordsById(sim);
  for (const event of events) {
    if (!writer.isOpen) return;
    const ms = siteClockMs(event.at);
    if (writer.isPast(ms)) return;
    if (event.kind === "poll" && event.process === "service") {
      const intervalMs = event.everyMinutes * 60 * SECOND_MS;
      for (let repeat = stepsBefore(writer.fromMs, ms, Infinity, intervalMs); repeat < event.count && writer.isOpen && !writer.isPast(ms + repeat * intervalMs); repeat += 1) {
        writePoll(sim, writer, ms + repeat * intervalMs, event);
      }
    } else if (event.kind === "ran" && event.process === "service") {
      writeRun(sim, writer, ms, event.endsAt === null ? Infinity : siteClockMs(event.endsAt), records.get(event.requestId));
    }
  }
}

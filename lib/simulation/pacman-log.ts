import { windowsDirectoryOf } from "./client-state";
import { pacmanRawTime, smstraceTime } from "./log-timestamps";
import { writeMerged, type LogLine, type LogSource, type LogWriter } from "./log-writer";
import { despoolerBoxPath, instructionBoxPath, instructionFilePath } from "./logon-server-paths";
import { recordsById, repeatedPollLines, stepsBefore } from "./pcmwin-log";
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
function* pollLines(sim: PreparedSimulation, pollMs: number, poll: PollEvent): Generator<LogLine> {
  const { client } = sim;
  const connectedMs = pollMs + sim.connectMs;
  yield { ms: connectedMs, text: `Connected to logon server: ${instructionBoxPath(client.logonServer)}` };
  yield { ms: connectedMs, text: `Looking for file: ${instructionFilePath(client.logonServer, client.smsId)}` };
  const readMs = connectedMs + sim.readMs;
  if (poll.result === "file-missing") return yield { ms: readMs, text: "No instruction file." };
  if (poll.result !== "read") return;
  yield { ms: readMs, text: `Packages before filter: ${poll.packagesBefore}` };
  yield { ms: readMs, text: `Packages after filter: ${poll.packagesAfter}` };
}

/** Launch, the monitoring loop and the report, as Q214448's normal run shows them. */
function* runLines(sim: PreparedSimulation, fromMs: number, startMs: number, endMs: number, record: PreparedRecord | undefined): Generator<LogLine> {
  const commandLine = record ? `${PACKAGE_DRIVE}\\${record.record.packageId}\\${record.record.runCommand}` : "";
  yield { ms: startMs, text: `Executing command line: ${commandLine}` };
  yield { ms: startMs, text: "No execution error detected." };
  yield { ms: startMs, text: `The process handle is #${SERVICE_PROCESS_HANDLE}` };
  yield { ms: startMs, text: "Ending LaunchScript.................." };
  yield { ms: startMs, text: "Package executed." };
  yield { ms: startMs, text: "Monitoring the job." };
  let check = startMs + FIRST_CHECK_MS;
  check += stepsBefore(fromMs, check, endMs, CHECK_INTERVAL_MS) * CHECK_INTERVAL_MS;
  for (; check < endMs; check += CHECK_INTERVAL_MS) yield { ms: check, text: "Job still running............" };
  yield { ms: check, text: "Job completed." };
  // SP4's SynchronousSystemExitRequired handling (Q175652) logs something else; the KB does not say what.
  if (!record?.isSynchronousSystemExit) yield { ms: check, text: "No SyncSysExit in effect, report status after completion." };
  yield { ms: check, text: "Reporting job status." };
  yield { ms: check, text: "Beginning ReportOnProcess..........." };
  yield { ms: check, text: "No error was detected while attempting to run the job." };
  // Inferred from the desktop's report (Q169491): the excerpt stops at the line above.
  if (record?.command.writesStatusMif) yield { ms: check, text: `Need to report with DMTF MIF: ${windowsDirectoryOf(sim)}\\${record.command.statusMifFileName}` };
  yield { ms: check, text: `Writing status information to ${despoolerBoxPath(sim.client.logonServer)}` };
}

/** PACMAN.LOG of the PCM service (digest §5.9-5.13), from the service's events. */
export function writePacmanLog(sim: PreparedSimulation, events: readonly SimulationEvent[], writer: LogWriter): void {
  const records = recordsById(sim);
  const sources: LogSource[] = [];
  for (const event of events) {
    const startMs = siteClockMs(event.at);
    if (event.kind === "poll" && event.process === "service") {
      sources.push({ startMs, lines: () => repeatedPollLines(writer.fromMs, startMs, event, (pollMs) => pollLines(sim, pollMs, event)) });
    } else if (event.kind === "ran" && event.process === "service") {
      const endMs = event.endsAt === null ? Infinity : siteClockMs(event.endsAt);
      sources.push({ startMs, lines: () => runLines(sim, writer.fromMs, startMs, endMs, records.get(event.requestId)) });
    }
  }
  writeMerged(sources, writer);
}

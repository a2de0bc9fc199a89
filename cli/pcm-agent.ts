import { spawn } from "node:child_process";
import { appendFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { decodeInstructionFile } from "@/lib/ins/decode";
import type { InstructionRecord } from "@/lib/ins/record";
import { decideRuns, type AgentClient, type RunDecision } from "@/lib/pcm-agent/decide-runs";
import { localPackageDirectory, type ShareMapping } from "@/lib/pcm-agent/share-map";
import { pacmanLineFormatter } from "@/lib/simulation/pacman-log";
import { formatPcmwinLine } from "@/lib/simulation/pcmwin-log";
import { writeJobStatusMif } from "@/lib/status-mif/job-status-mif";
import { MAX_STATUS_MIF_BYTES } from "@/lib/status-mif/mif-tree";
import { currentWallClock, wallClockToEpochMs } from "@/lib/wall-clock";

export interface AgentOptions {
  client: AgentClient;
  consoleUrl: string;
  token: string | null;
  shares: ShareMapping[];
  mifDirectory: string | null;
  stateDirectory: string;
  accepted: string[];
}

/** What the agent remembers between polls, as PCM's history (Pcmhist.reg, Q122202) remembered runs. */
interface AgentState {
  etag: string | null;
  /** Every request the agent started, so it never runs one twice, and reports not yet delivered. */
  requests: Record<string, { startedAt: string; exitCode?: number | null; pendingReport?: { jobReference: string; text: string; at: string } | null }>;
}

const STATE_FILE = "pcm-state.json";
const SERVICE_FORMAT = pacmanLineFormatter("raw");

async function readState(directory: string): Promise<AgentState> {
  try {
    const parsed = JSON.parse(await readFile(path.join(directory, STATE_FILE), "utf8")) as Partial<AgentState>;
    return { etag: typeof parsed.etag === "string" ? parsed.etag : null, requests: parsed.requests && typeof parsed.requests === "object" ? parsed.requests : {} };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { etag: null, requests: {} };
    throw new Error(`The state file ${path.join(directory, STATE_FILE)} cannot be read: ${(error as Error).message}`);
  }
}

/** Written to a temporary file and renamed, so a kill mid-write leaves the old state whole. */
async function writeState(directory: string, state: AgentState): Promise<void> {
  const temporary = path.join(directory, `${STATE_FILE}.${process.pid}.tmp`);
  await writeFile(temporary, JSON.stringify(state, null, 2));
  await rename(temporary, path.join(directory, STATE_FILE));
}

class AgentLog {
  constructor(private readonly directory: string) {}

  async write(fileName: "Pcmwin.log" | "PACMAN.LOG", lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    for (const line of lines) console.log(`${fileName}: ${line}`);
    await appendFile(path.join(this.directory, fileName), `${lines.join("\r\n")}\r\n`, "latin1");
  }

  /** One line in the run's own log: Pcmwin.log for the desktop, PACMAN.LOG for the service. */
  async say(run: Pick<RunDecision, "process">, text: string): Promise<void> {
    const ms = wallClockToEpochMs(currentWallClock());
    if (run.process === "service") await this.write("PACMAN.LOG", [SERVICE_FORMAT(ms, text)]);
    else await this.write("Pcmwin.log", [formatPcmwinLine(ms, `==> ${text}`)]);
  }
}

async function fetchInstructionFile(options: AgentOptions, state: AgentState): Promise<InstructionRecord[]> {
  const cached = path.join(options.stateDirectory, `${options.client.smsId}.INS`);
  const headers: Record<string, string> = {};
  if (options.token) headers["X-PCMINS-Token"] = options.token;
  const hasCopy = await stat(cached).then(() => true, () => false);
  if (state.etag && hasCopy) headers["If-None-Match"] = state.etag;
  const response = await fetch(new URL(`/pcmins.box/${options.client.smsId}.INS`, options.consoleUrl), { headers });
  if (response.status === 304) return decodeInstructionFile(new Uint8Array(await readFile(cached)));
  if (response.status === 404) {
    await rm(cached, { force: true });
    state.etag = null;
    return [];
  }
  if (!response.ok) throw new Error(`GET ${options.client.smsId}.INS answered ${response.status}: ${(await response.text()).trim().slice(0, 200)}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const records = decodeInstructionFile(bytes);
  await writeFile(cached, bytes);
  state.etag = response.headers.get("etag");
  return records;
}

function runCommand(commandLine: string, directory: string, packageUnc: string): Promise<number | null> {
  return new Promise((resolve) => {
    // SP3+ PCM sets %PCMUNC% to the package directory for UNC-based execution (Q191341).
    const child = spawn(commandLine, { cwd: directory, shell: true, stdio: "inherit", env: { ...process.env, PCMUNC: packageUnc } });
    child.on("error", () => resolve(null));
    child.on("exit", (code) => resolve(code));
  });
}

/** Status MIFs written after the run began (Q166833: "created after PCM began the installation"). */
async function collectMifs(directory: string | null, startedMs: number): Promise<{ file: string; text: string }[]> {
  if (!directory) return [];
  const names = await readdir(directory).catch(() => [] as string[]);
  const found: { file: string; text: string }[] = [];
  for (const name of names.filter((entry) => entry.toLowerCase().endsWith(".mif")).sort()) {
    const file = path.join(directory, name);
    const info = await stat(file);
    if (!info.isFile() || info.mtimeMs < startedMs || info.size > MAX_STATUS_MIF_BYTES) continue;
    found.push({ file, text: await readFile(file, "latin1") });
  }
  return found;
}

async function postReport(options: AgentOptions, report: { jobReference: string; text: string; at: string }): Promise<string> {
  const url = new URL(`/despoolr.box/${options.client.smsId}`, options.consoleUrl);
  url.searchParams.set("job", report.jobReference);
  url.searchParams.set("at", report.at);
  const headers: Record<string, string> = { "Content-Type": "text/plain; charset=latin1" };
  if (options.token) headers["X-PCMINS-Token"] = options.token;
  const response = await fetch(url, { method: "POST", headers, body: Buffer.from(report.text, "latin1") });
  const answer = (await response.text()).trim();
  if (response.status >= 500 || response.status === 401 || response.status === 403) throw new Error(`POST despoolr.box answered ${response.status}: ${answer}`);
  return answer;
}

/** Reports that could not be delivered before (console down): sent first, so nothing is lost. */
async function deliverPending(options: AgentOptions, state: AgentState, log: AgentLog): Promise<void> {
  for (const [requestId, entry] of Object.entries(state.requests)) {
    if (!entry.pendingReport) continue;
    try {
      await postReport(options, entry.pendingReport);
      entry.pendingReport = null;
      await writeState(options.stateDirectory, state);
    } catch (error) {
      await log.say({ process: "service" }, `Status for ${requestId} still not delivered: ${(error as Error).message}`);
    }
  }
}

async function execute(options: AgentOptions, state: AgentState, log: AgentLog, run: RunDecision): Promise<void> {
  const { record } = run;
  const mapped = localPackageDirectory(record.servers, options.shares);
  if (!mapped) {
    // Q185347's message: PCM lists every server it could not connect to and does not run the job.
    await log.say(run, "Unable to connect to \\\\server\\share(s)");
    for (const server of record.servers) await log.say(run, `'${server.path.replace(/\\$/, "")}'`);
    return;
  }
  const startedAt = currentWallClock();
  const startedMs = Date.now();
  state.requests[record.requestId] = { startedAt };
  await writeState(options.stateDirectory, state);
  await log.say(run, `Executing package ${record.packageName} (Request ID ${record.requestId}): ${record.runCommand} in ${mapped.directory}`);
  const exitCode = await runCommand(record.runCommand, mapped.directory, mapped.server.path);
  await log.say(run, "Reporting on completed package execution.");
  await log.say(run, exitCode === 0 ? "No error was detected while attempting to run the job." : `The job ended with exit code ${exitCode ?? "none (it could not be started)"}.`);
  let mifs = await collectMifs(options.mifDirectory, startedMs);
  if (mifs.length === 0) {
    // As ISMIF32 would write it from the exit code (Q186415): -s 1 for success.
    const text = writeJobStatusMif({
      componentId: { manufacturer: "SMS Console", product: record.packageName.slice(0, 64), version: "", locale: "", serialNumber: "", installation: startedAt },
      status: exitCode === 0 ? "Success" : "Failed",
      description: exitCode === 0 ? `${record.wclName} completed` : `${record.wclName} ended with exit code ${exitCode ?? "none"}`,
    });
    const file = path.join(options.stateDirectory, `${record.requestId}.mif`);
    await writeFile(file, text, "latin1");
    mifs = [{ file, text }];
  }
  const entry = state.requests[record.requestId]!;
  entry.exitCode = exitCode;
  for (const mif of mifs) {
    await log.say(run, `Need to report with DMTF MIF: ${mif.file}`);
    await log.say(run, `Writing status information to ${new URL("/despoolr.box/", options.consoleUrl).href}`);
    const report = { jobReference: record.requestId, text: mif.text, at: currentWallClock() };
    try {
      console.log(await postReport(options, report));
    } catch (error) {
      entry.pendingReport = report;
      await log.say(run, `Status not delivered, kept for the next poll: ${(error as Error).message}`);
    }
  }
  await writeState(options.stateDirectory, state);
}

/**
 * One poll of `sms pcm`: fetch the .INS (conditional GET), decide with the simulator's PCM what
 * to run, run it in the mapped package directory, report its status MIF to DESPOOLR.BOX, remember it.
 */
export async function pollOnce(options: AgentOptions): Promise<{ ran: string[] }> {
  await mkdir(options.stateDirectory, { recursive: true });
  const log = new AgentLog(options.stateDirectory);
  const state = await readState(options.stateDirectory);
  await deliverPending(options, state, log);
  const records = await fetchInstructionFile(options, state);
  await writeState(options.stateDirectory, state);
  const decision = decideRuns({ client: options.client, records, history: Object.keys(state.requests), accepted: options.accepted, now: currentWallClock() });
  for (const { fileName, lines } of decision.logLines) await log.write(fileName, lines);
  for (const requestId of decision.offeredNotAccepted) {
    await log.say({ process: "desktop" }, `Package (Request ID) ${requestId} is offered; nobody accepted it (sms pcm --accept ${requestId}).`);
  }
  for (const run of decision.runs) await execute(options, state, log, run);
  return { ran: decision.runs.filter((run) => state.requests[run.record.requestId]).map((run) => run.record.requestId) };
}

export const defaultStateDirectory = () => path.join(os.homedir(), ".sms-pcm");

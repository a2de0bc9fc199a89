import type { InstructionRecord } from "../ins/record";
import { PCM_VARIANT_OF_PLATFORM, type Platform } from "../platforms";
import { renderClientLogs } from "../simulation/render-client-logs";
import { simulateClient } from "../simulation/simulate-client";
import { DEFAULT_ASSUMPTIONS, type SimulatedClient, type SimulationInput } from "../simulation/simulation-input";
import type { PcmProcess, RunTrigger } from "../simulation/simulation-result";
import { epochMsToWallClock, wallClockToEpochMs } from "../wall-clock";

/** The machine `sms pcm` runs on, as the simulator's client: SMS 1.2 SP4 and its hotfixes, the PCM service running. */
export interface AgentClient {
  smsId: string;
  platform: Platform;
  pollingIntervalMinutes: number;
  /** Shown in log paths (\\<logon server>\SMS_SHR\PCMINS.BOX): the console's host name. */
  logonServer: string;
}

export interface RunDecision {
  record: InstructionRecord;
  trigger: RunTrigger;
  process: PcmProcess;
}

export interface PollDecision {
  runs: RunDecision[];
  /** Optional packages offered that nobody accepted (`--accept <request ID>` runs one). */
  offeredNotAccepted: string[];
  /** PCM's own log lines for this poll, up to the first run, per log file. */
  logLines: { fileName: "Pcmwin.log" | "PACMAN.LOG"; lines: string[] }[];
}

/** Long enough for the desktop PCM's first poll (a minute after logon) and the service's. */
const DECISION_WINDOW_MINUTES = 3;

export function simulatedClientOfAgent(client: AgentClient): SimulatedClient {
  return {
    smsId: client.smsId,
    platform: client.platform,
    pcmVariant: PCM_VARIANT_OF_PLATFORM[client.platform],
    smsClientVersion: "1.2",
    smsClientServicePack: 4,
    // The last PCM fixes (digest §3.16): no run of a job first seen expired (Q255284), no exit on a
    // busy semaphore (Q231378) or a missing logon server (Q188578).
    installedPcmHotfixes: ["Q255284", "Q231378", "Q188578"],
    isPcmServiceInstalled: true,
    isPcmServiceRunning: true,
    isNtDomainMember: true,
    pollingIntervalMinutes: client.pollingIntervalMinutes,
    clockOffsetSeconds: 0,
    logonServer: client.logonServer,
    // Today's machines do not wait out the five-minute countdown (Q185805's DisablePCMCountdown on SP4).
    disablePcmCountdown: true,
  };
}

/**
 * What PCM runs at this poll, decided by the simulator's own PCM (lib/simulation): the same
 * offer, mandatory, expiry, platform and service-versus-desktop behaviour, one implementation.
 * The client is simulated from `now` for a few minutes with the file it just read and its history;
 * the runs that start in that time are the runs to make. A user runs only the accepted offers.
 */
export function decideRuns(options: { client: AgentClient; records: readonly InstructionRecord[]; history: readonly string[]; accepted: readonly string[]; now: string }): PollDecision {
  const to = epochMsToWallClock(wallClockToEpochMs(options.now) + DECISION_WINDOW_MINUTES * 60_000);
  const input: SimulationInput = {
    client: simulatedClientOfAgent(options.client),
    records: options.records,
    history: options.history,
    window: { from: options.now, to },
    // PCM runs due jobs one after another (Q214448); the real runs take what they take, so the
    // simulated ones are made short enough that every job due at this poll starts in the window.
    assumptions: { ...DEFAULT_ASSUMPTIONS, commandDurationMinutes: 0.01, userRunsOfferedPackages: true, statusProcessingMinutes: null },
  };
  const simulation = simulateClient(input);
  const accepted = new Set(options.accepted.map((requestId) => requestId.toUpperCase()));
  const byRequest = new Map(options.records.map((record) => [record.requestId, record]));
  const runs: RunDecision[] = [];
  const offeredNotAccepted: string[] = [];
  let firstRunAt: string | null = null;
  for (const event of simulation.events) {
    if (event.kind !== "ran") continue;
    const record = byRequest.get(event.requestId);
    if (!record || runs.some((run) => run.record.requestId === event.requestId)) continue;
    if (event.trigger === "user" && !accepted.has(event.requestId)) {
      offeredNotAccepted.push(event.requestId);
      continue;
    }
    firstRunAt ??= event.at;
    runs.push({ record, trigger: event.trigger, process: event.process });
  }
  const logs = renderClientLogs(input, simulation, { to: firstRunAt ?? to, maxLines: 200 });
  return { runs, offeredNotAccepted, logLines: logs.map((log) => ({ fileName: log.fileName, lines: log.lines })) };
}


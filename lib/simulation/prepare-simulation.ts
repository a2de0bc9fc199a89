import type { InstructionRecord } from "../ins/record";
import { RESERVED_FLAGS } from "../jobs/instructions";
import { OPERATING_SYSTEM_BITS } from "../platforms";
import { parseWallClock, wallClockToEpochMs } from "../wall-clock";
import { pcmBehaviourOf, type PcmBehaviour } from "./pcm-behaviour";
import { siteClockMs } from "./site-clock";
import type { CommandAssumptions, ExitStatus, SimulatedClient, SimulationInput } from "./simulation-input";

export const MINUTE_MS = 60_000;
export const SECOND_MS = 1_000;

/** A record as this client sees it: its dates moved onto the site's clock by the client's offset. */
export interface PreparedRecord {
  record: InstructionRecord;
  requestId: string;
  /** Site-clock ms when the client's clock reaches Display Date; -Infinity when the record has none. */
  offerAt: number;
  /** Site-clock ms of Install By Date for a mandatory record (-Infinity: mandatory with no date); null when optional. */
  mandatoryAt: number | null;
  expireAt: number | null;
  /** Whether the record's Operating System mask names the client's platform; null for Windows 95, which has no bit. */
  matchesPlatform: boolean | null;
  /** The console's System (Background) Task flag in the first reserved byte (lib/jobs/instructions.ts). */
  isServiceOnly: boolean;
  isSynchronousSystemExit: boolean;
  /** User Input Flags bit 0; 0 is read as the PDF's UserInputRequired=FALSE (Q174933). */
  isUserInputRequired: boolean;
  command: ResolvedCommand;
}

export interface ResolvedCommand {
  durationMs: number;
  exitStatus: ExitStatus;
  writesStatusMif: boolean;
  statusMifFileName: string;
}

export interface PreparedVersion {
  fromMs: number;
  records: PreparedRecord[] | null;
}

export interface PreparedSession {
  logonMs: number;
  logoffMs: number;
}

export interface PreparedSimulation {
  input: SimulationInput;
  client: SimulatedClient;
  behaviour: PcmBehaviour;
  fromMs: number;
  toMs: number;
  offsetMs: number;
  intervalMs: number;
  versions: PreparedVersion[];
  sessions: PreparedSession[];
  serviceStartMs: number;
  history: ReadonlySet<string>;
  userRunsOfferedPackages: boolean;
  connectMs: number;
  readMs: number;
  semaphoreTimeoutMs: number;
  serviceQueryMs: number;
  statusProcessingMs: number | null;
}

interface RecordFacts {
  displayMs: number;
  installByMs: number | null;
  expireMs: number | null;
  flags: number;
}

// Records are shared by many clients in a site-wide simulation: parse each one's dates once.
const factsCache = new WeakMap<InstructionRecord, RecordFacts>();

function msOf(value: string | null): number | null {
  return value !== null && parseWallClock(value) ? wallClockToEpochMs(value) : null;
}

function factsOf(record: InstructionRecord): RecordFacts {
  const cached = factsCache.get(record);
  if (cached) return cached;
  const facts: RecordFacts = {
    displayMs: msOf(record.displayDate) ?? -Infinity,
    // Install By Full 1 with no date: a zero date is long past, so the job is due at once (inferred).
    installByMs: record.installByFull === 1 ? (msOf(record.installByDate) ?? -Infinity) : null,
    expireMs: record.expirationFull === 1 ? msOf(record.expirationDate) : null,
    flags: parseInt(record.reserved.slice(0, 2), 16) || 0,
  };
  factsCache.set(record, facts);
  return facts;
}

function resolveCommand(input: SimulationInput, requestId: string): ResolvedCommand {
  const assumptions = input.assumptions;
  const override: Partial<CommandAssumptions> = assumptions.byRequestId?.[requestId] ?? {};
  return {
    durationMs: Math.round((override.commandDurationMinutes ?? assumptions.commandDurationMinutes) * MINUTE_MS),
    exitStatus: override.exitStatus ?? assumptions.exitStatus,
    writesStatusMif: override.writesStatusMif ?? assumptions.writesStatusMif,
    statusMifFileName: override.statusMifFileName ?? assumptions.statusMifFileName ?? "Setup.mif",
  };
}

function prepareRecords(input: SimulationInput, records: readonly InstructionRecord[], offsetMs: number, bit: number | undefined): PreparedRecord[] {
  return records.map((record) => {
    const facts = factsOf(record);
    return {
      record,
      requestId: record.requestId,
      offerAt: facts.displayMs - offsetMs,
      mandatoryAt: facts.installByMs === null ? null : facts.installByMs - offsetMs,
      expireAt: facts.expireMs === null ? null : facts.expireMs - offsetMs,
      matchesPlatform: bit === undefined ? null : (record.operatingSystem & bit) !== 0,
      isServiceOnly: (facts.flags & RESERVED_FLAGS.SYSTEM_TASK) !== 0,
      isSynchronousSystemExit: (facts.flags & RESERVED_FLAGS.SYNCHRONOUS_SYSTEM_EXIT) !== 0,
      isUserInputRequired: (record.userInputFlags & 1) !== 0,
      command: resolveCommand(input, record.requestId),
    };
  });
}

function prepareSessions(client: SimulatedClient, fromMs: number, toMs: number): PreparedSession[] {
  if (client.hasInteractiveUsers === false) return [];
  // Default: the user logs on a minute after start-up, so the desktop's polls do not coincide with the service's.
  const sessions: readonly { logonAt: string | null; logoffAt?: string | null }[] = client.sessions ?? [{ logonAt: null }];
  return sessions
    .map((session) => ({
      logonMs: Math.max(fromMs, session.logonAt ? siteClockMs(session.logonAt) : fromMs + MINUTE_MS),
      logoffMs: session.logoffAt ? siteClockMs(session.logoffAt) : Infinity,
    }))
    .filter((session) => session.logonMs <= toMs && session.logoffMs > session.logonMs)
    .sort((a, b) => a.logonMs - b.logonMs);
}

export function prepareSimulation(input: SimulationInput): PreparedSimulation {
  const { client, assumptions } = input;
  const fromMs = siteClockMs(input.window.from);
  const toMs = siteClockMs(input.window.to);
  const offsetMs = Math.round(client.clockOffsetSeconds * SECOND_MS);
  const bit = OPERATING_SYSTEM_BITS[client.platform];
  const fileVersions: readonly { from: string | null; records: readonly InstructionRecord[] | null }[] = input.fileVersions ?? [{ from: null, records: input.records ?? [] }];
  const versions = fileVersions
    .map((version) => ({
      fromMs: version.from === null ? -Infinity : siteClockMs(version.from),
      records: version.records === null ? null : prepareRecords(input, version.records, offsetMs, bit),
    }))
    .sort((a, b) => a.fromMs - b.fromMs);
  const seconds = (value: number | undefined, fallback: number) => Math.round((value ?? fallback) * SECOND_MS);
  return {
    input,
    client,
    behaviour: pcmBehaviourOf(client),
    fromMs,
    toMs,
    offsetMs,
    intervalMs: Math.max(1, client.pollingIntervalMinutes) * MINUTE_MS,
    versions,
    sessions: prepareSessions(client, fromMs, toMs),
    serviceStartMs: Math.max(fromMs, client.serviceStartedAt ? siteClockMs(client.serviceStartedAt) : fromMs),
    history: new Set(input.history),
    userRunsOfferedPackages: assumptions.userRunsOfferedPackages ?? true,
    connectMs: seconds(assumptions.logonServerConnectSeconds, 1),
    readMs: seconds(assumptions.instructionFileReadSeconds, 0),
    semaphoreTimeoutMs: seconds(assumptions.semaphoreTimeoutSeconds, 30),
    serviceQueryMs: seconds(assumptions.serviceQuerySeconds, 5),
    statusProcessingMs: assumptions.statusProcessingMinutes === null ? null : Math.round(assumptions.statusProcessingMinutes * MINUTE_MS),
  };
}

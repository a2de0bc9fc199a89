import type { InstructionRecord, InstructionServer } from "../ins/record";
import { operatingSystemMask, type Platform } from "../platforms";
import { wallClockToEpochMs } from "../wall-clock";
import { isExpired } from "./lifecycle";
import type { JobState, JobType } from "./schema";

/** The record version the console writes: SMS 1.0's, printed "Beta 455" by PCMDUMP (Q123499). */
export const INSTRUCTION_RECORD_VERSION = 6;

/**
 * Flags the console keeps in the first reserved byte. Q166765 proves PCM knows which packages are
 * service-only, yet no documented field says so; the console's layout puts them here
 * (docs/ins-format.md).
 */
export const RESERVED_FLAGS = { AUTOMATED_COMMAND_LINE: 0x01, SYSTEM_TASK: 0x02, SYNCHRONOUS_SYSTEM_EXIT: 0x04 } as const;

/** One job as instruction planning sees it: frozen at Send. */
export interface PlannedJob {
  jobId: string;
  /** Only Run Command On Workstation jobs write records; Share and Remove jobs act on servers. */
  jobType: JobType;
  requestId: string | null;
  state: JobState;
  /** When the job was sent (an instant, ISO 8601): records appear in activation order. */
  sentAt: string | null;
  package: { packageId: string; name: string; comments: string };
  commandLine: {
    commandName: string;
    commandLine: string;
    isAutomated: boolean;
    isSystemTask: boolean;
    isUserInputRequired: boolean | null;
    isSynchronousSystemExitRequired: boolean;
    supportedPlatforms: Platform[];
  } | null;
  offerAfter: string | null;
  isMandatory: boolean;
  mandatoryAfter: string | null;
  notMandatoryOverSlowLink: boolean;
  isExpiring: boolean;
  expireAfter: string | null;
  servers: InstructionServer[];
}

function reservedBytes(commandLine: NonNullable<PlannedJob["commandLine"]>): string {
  const flags =
    (commandLine.isAutomated ? RESERVED_FLAGS.AUTOMATED_COMMAND_LINE : 0) |
    (commandLine.isSystemTask ? RESERVED_FLAGS.SYSTEM_TASK : 0) |
    (commandLine.isSynchronousSystemExitRequired ? RESERVED_FLAGS.SYNCHRONOUS_SYSTEM_EXIT : 0);
  return flags.toString(16).padStart(2, "0") + "00".repeat(31);
}

/** Whether a job puts a record in its targets' instruction files at this moment. */
export function holdsInstruction(job: PlannedJob, now: string): boolean {
  return job.jobType === "RUN_COMMAND_ON_WORKSTATION" && job.state === "ACTIVE" && job.commandLine !== null && job.requestId !== null && !isExpired(job, now);
}

/** The instruction record of one job for a client of `siteCode`, every field of Q123499's record. */
export function instructionRecordOf(job: PlannedJob, siteCode: string): InstructionRecord {
  const commandLine = job.commandLine;
  if (!commandLine || !job.requestId) throw new RangeError(`Job ${job.jobId} has no run phase or was never sent`);
  return {
    version: INSTRUCTION_RECORD_VERSION,
    siteId: siteCode,
    requestId: job.requestId,
    packageId: job.package.packageId,
    jobId: job.jobId,
    installFlag: job.notMandatoryOverSlowLink ? 2 : 0,
    installByDate: job.isMandatory ? job.mandatoryAfter : null,
    installByFull: job.isMandatory ? 1 : 0,
    displayDate: job.offerAfter,
    displayFull: 1,
    expirationDate: job.isExpiring ? job.expireAfter : null,
    expirationFull: job.isExpiring ? 1 : 0,
    userInputFlags: commandLine.isUserInputRequired ? 1 : 0,
    operatingSystem: operatingSystemMask(commandLine.supportedPlatforms),
    diskUsage: "",
    runCommand: commandLine.commandLine,
    wclName: commandLine.commandName,
    servers: job.servers,
    packageName: job.package.name,
    // PCMDUMP word-wraps comments itself; line breaks typed in the console become spaces.
    comments: job.package.comments.replace(/\s+/g, " ").trim(),
    domainName: "",
    reserved: reservedBytes(commandLine),
  };
}

function activationOrder(a: PlannedJob, b: PlannedJob): number {
  return (a.sentAt ?? "").localeCompare(b.sentAt ?? "") || a.jobId.localeCompare(b.jobId);
}

/**
 * The records a client should hold at `now`: one per active, unexpired job that targets it, in
 * the order the jobs were sent. Canceled, complete, failed and expired jobs leave the file.
 */
export function planInstructions(options: { siteCode: string; jobs: readonly PlannedJob[]; now: string }): InstructionRecord[] {
  return options.jobs
    .filter((job) => holdsInstruction(job, options.now))
    .sort(activationOrder)
    .map((job) => instructionRecordOf(job, options.siteCode));
}

export const OFFER_STATUSES = ["NOT_SENT", "NO_RUN_PHASE", "NOT_YET_OFFERED", "OFFERED", "MANDATORY", "EXPIRED", "CANCELED", "CLOSED"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export interface OfferState {
  status: OfferStatus;
  /** The date that put the offer in this status, when one did. */
  since: string | null;
  /** The next date that will change it, when one will. */
  until: string | null;
}

/** Where one target's offer stands at `now`, with the dates that make it so. */
export function offerStateOf(job: PlannedJob, now: string): OfferState {
  const expiry = job.isExpiring ? job.expireAfter : null;
  if (job.state === "PENDING") return { status: "NOT_SENT", since: null, until: null };
  if (job.state === "CANCELED") return { status: "CANCELED", since: null, until: null };
  if (job.state === "COMPLETE" || job.state === "FAILED") return { status: "CLOSED", since: null, until: null };
  if (!job.commandLine || !job.offerAfter) return { status: "NO_RUN_PHASE", since: null, until: null };
  const at = wallClockToEpochMs(now);
  if (expiry && at >= wallClockToEpochMs(expiry)) return { status: "EXPIRED", since: expiry, until: null };
  if (at < wallClockToEpochMs(job.offerAfter)) return { status: "NOT_YET_OFFERED", since: null, until: job.offerAfter };
  const mandatory = job.isMandatory ? job.mandatoryAfter : null;
  if (mandatory && at >= wallClockToEpochMs(mandatory)) return { status: "MANDATORY", since: mandatory, until: expiry };
  return { status: "OFFERED", since: job.offerAfter, until: mandatory ?? expiry };
}

export const OFFER_STATUS_LABELS: Record<OfferStatus, string> = {
  NOT_SENT: "Not sent yet",
  NO_RUN_PHASE: "No run phase",
  NOT_YET_OFFERED: "Not yet offered",
  OFFERED: "Offered",
  MANDATORY: "Mandatory",
  EXPIRED: "Expired",
  CANCELED: "Canceled",
  CLOSED: "Job closed",
};

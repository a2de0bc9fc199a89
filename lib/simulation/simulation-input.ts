import type { InstructionRecord } from "../ins/record";
import type { PcmVariant, Platform } from "../platforms";
import type { SmsVersion } from "../sites/schema";

/**
 * What the client simulator is given (docs/simulation.md). Every time is the site server's wall
 * clock ("YYYY-MM-DDTHH:MM:SS"); the simulator turns them into the client's own clock with
 * `clockOffsetSeconds`, because PCM compares job dates with the client's clock (Q107244, Q189305).
 */
export interface SimulatedClient {
  smsId: string;
  platform: Platform;
  pcmVariant: PcmVariant;
  smsClientVersion: SmsVersion;
  /** 0 for SMS 1.0 and 1.1, which had no service packs. */
  smsClientServicePack: number;
  /** KB numbers of PCM hotfixes installed on top of the service pack, e.g. ["Q231378"]; none when absent. */
  installedPcmHotfixes?: readonly string[];
  isPcmServiceInstalled: boolean;
  isPcmServiceRunning: boolean;
  /** The PCM service needs a Windows NT domain member (Q167114); true when absent. */
  isNtDomainMember?: boolean;
  /** The site's PCM polling interval (Site Properties, Clients). */
  pollingIntervalMinutes: number;
  /** Client clock minus site server clock; positive = client ahead. */
  clockOffsetSeconds: number;
  /** NetBIOS name of the client's current logon server, as its log paths show it. */
  logonServer: string;
  /** Pcmwin32 is loaded when a user logs on (site client setting, Smsrun32.ini load= line, Q164657); true when absent. */
  isPcmwin32AutoStart?: boolean;
  /** Someone logs on at this computer; false for a server nobody uses interactively. True when absent. */
  hasInteractiveUsers?: boolean;
  /** When users are logged on; absent: one session from a minute after the window starts to its end. */
  sessions?: readonly ClientSession[];
  /** When Pcmsvc32 started (the computer booted); absent: the window's start. */
  serviceStartedAt?: string;
  /** False: no logon server answers when the first session's desktop PCM starts (Q188578). True when absent. */
  hasLogonServerAtStartup?: boolean;
  /** Sms.ini [Local] DisablePCMCountdown=TRUE (Q185805). */
  disablePcmCountdown?: boolean;
  /** When Pcmhist.reg was created, for the desktop PCM's start-up line (Q188578); absent: the first logon. */
  pcmHistoryCreatedAt?: string;
  /** Where status MIFs are written (Q169491); absent: C:\WINNT on Windows NT, C:\WINDOWS elsewhere. */
  windowsDirectory?: string;
}

export interface ClientSession {
  logonAt: string;
  /** Null or absent: still logged on when the window ends. */
  logoffAt?: string | null;
}

/** The client's .INS on its logon server from `from` on; `records: null` means no file at all. */
export interface InstructionFileVersion {
  from: string;
  records: readonly InstructionRecord[] | null;
}

export const EXIT_STATUSES = ["success", "failure", "hangs"] as const;
export type ExitStatus = (typeof EXIT_STATUSES)[number];

/** What a command does once PCM launches it: the KB cannot know, so the admin states it. */
export interface CommandAssumptions {
  commandDurationMinutes: number;
  /** "failure" reaches the site only through a failure status MIF; "hangs": the process never exits (Q214448). */
  exitStatus: ExitStatus;
  writesStatusMif: boolean;
  /** File name of the status MIF in the Windows directory; "Setup.mif" (ISMIF's default, Q186415) when absent. */
  statusMifFileName?: string;
}

export interface SimulationAssumptions extends CommandAssumptions {
  /**
   * Minutes from PCM writing its .sni (after a run, or for an expired job) until the site has
   * processed it and the despooler has updated the client's .INS (Q169491, Q188042). Null: never
   * (Maintenance Manager stopped).
   */
  statusProcessingMinutes: number | null;
  /** A logged-on user runs an optional package at the poll that first offers it; true when absent. */
  userRunsOfferedPackages?: boolean;
  /** Seconds from "Polling" to "Connected to logon server" (1 in Q237690); 1 when absent. */
  logonServerConnectSeconds?: number;
  /** Seconds to read and filter the .INS (50 in Q237690's redirector time-out); 0 when absent. */
  instructionFileReadSeconds?: number;
  /** How long Pcmwin32 waits for the service's semaphore before giving up (Q231378); 30 when absent. */
  semaphoreTimeoutSeconds?: number;
  /** How long Pcmsvc32 holds the semaphore while it reads the .INS, before SP4 (Q173073); 5 when absent. */
  serviceQuerySeconds?: number;
  /** Per request ID, what differs from the command assumptions above. */
  byRequestId?: Readonly<Record<string, Partial<CommandAssumptions>>>;
}

export interface SimulationWindow {
  from: string;
  to: string;
}

interface SimulationInputBase {
  client: SimulatedClient;
  /** Request IDs the client's local history already lists as executed (Pcmhist.reg, Q122202, Q125934). */
  history: readonly string[];
  window: SimulationWindow;
  assumptions: SimulationAssumptions;
}

/** Either one instruction file for the whole window, or its versions over time (send, cancel, resend). */
export type SimulationInput = SimulationInputBase &
  ({ records: readonly InstructionRecord[]; fileVersions?: undefined } | { fileVersions: readonly InstructionFileVersion[]; records?: undefined });

export const DEFAULT_ASSUMPTIONS: SimulationAssumptions = {
  commandDurationMinutes: 5,
  exitStatus: "success",
  writesStatusMif: true,
  // Inferred: short enough that Q166765's 20-minute polling interval is safe for a 5-minute command.
  statusProcessingMinutes: 10,
};

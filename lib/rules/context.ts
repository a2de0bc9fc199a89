import type { JobInput, JobState } from "../jobs/schema";
import type { PcmVariant, Platform } from "../platforms";
import type { FileSystem } from "../servers/schema";
import type { SmsVersion } from "../sites/schema";

/**
 * Everything the requirement rules look at, as plain data: built by the data layer for the web
 * console and the CLI, or by hand in tests. Nothing here knows about Next.js or Prisma.
 * A fact the console does not hold is null ("unknown"), never guessed.
 */
export interface ReviewSite {
  code: string;
  name: string;
  parentCode: string | null;
  smsVersion: SmsVersion;
  servicePack: number;
  pcmPollingIntervalMinutes: number;
  inventoryIntervalDays: number;
  isPcmEnabled: boolean;
  // Added for the requirement rules; null means "not recorded".
  /** When users work at this site's computers, on the site's wall clock (R41). */
  businessHours: ReviewBusinessHours | null;
  /** Free disk space on the site server, in bytes (R56: SMS needs about 4x the package source). */
  siteServerFreeDiskBytes: number | null;
  /** The site server's standard-time offset from UTC, in minutes, e.g. -300 for US Eastern (R45). */
  utcOffsetMinutes: number | null;
  /** Whether the site server's clock adjusts for daylight saving time (R44). */
  isDaylightSavingAdjusted: boolean | null;
}

/** Working hours on the site's wall clock: ISO weekdays (1 Monday .. 7 Sunday), "HH:MM" to "HH:MM". */
export interface ReviewBusinessHours {
  isoWeekdays: number[];
  start: string;
  end: string;
}

export interface ReviewServer {
  name: string;
  siteCode: string;
  isLogonServer: boolean;
  isDistributionServer: boolean;
  packageShare: string;
  serverType: number;
  fileSystem: FileSystem;
  hasServicesForMacintosh: boolean;
  macintoshZone: string | null;
  /**
   * The server was removed from the SMS hierarchy but the despooler still lists it under
   * Transfer Packages\W_<package ID> (R57, Q199994).
   */
  isRemovedFromHierarchy: boolean | null;
}

export interface ReviewComputer {
  smsId: string;
  name: string;
  siteCode: string;
  logonServer: string | null;
  platform: Platform;
  osVersion: string;
  ntRole: "WORKSTATION" | "SERVER_STANDALONE" | "MEMBER_SERVER" | "DOMAIN_CONTROLLER" | null;
  /** The NT domain it is a member of; null = not a domain member (as the Computer model stores it; R61). */
  ntDomain: string | null;
  smsClientVersion: SmsVersion;
  smsClientServicePack: number;
  pcmVariant: PcmVariant;
  isPcmServiceInstalled: boolean;
  pcmServiceFileDate: string | null;
  pcmServiceInstallDirectory: string | null;
  pcmServiceStartType: "AUTOMATIC" | "MANUAL" | "DISABLED" | null;
  isPcmServiceRunning: boolean;
  pcmServiceAccountIsLocalAdmin: boolean;
  pcmServiceAccountCanLogOnAsService: boolean;
  pcmServiceAccountCanReadShares: boolean;
  pcmServiceAccountIsDomainAdmin: boolean;
  networkLink: "FAST" | "SLOW";
  /** Site wall clock, YYYY-MM-DDTHH:MM:SS; null when never inventoried. */
  lastInventoryAt: string | null;
  // Added for the requirement rules; null means "not recorded".
  /** KB numbers of post-SP4 PCM hotfixes installed on the client, e.g. ["Q195937"]; [] for none (R9, R25, R37). */
  installedPcmHotfixes: string[] | null;
  /** Pcmwin32 is loaded at logon (site client setting or Smsrun32.ini load= line) (R69, Q164657). */
  isPcmwin32AutoStart: boolean | null;
  /** Client clock minus site server clock, in seconds, after allowing for time zones; positive = client ahead (R75). */
  clockOffsetSeconds: number | null;
  /** Someone normally logs on at this computer; false for a server or kiosk nobody uses interactively (R2). */
  hasInteractiveUsers: boolean | null;
  /** The people who log on at this computer are members of its local Administrators group (R2, R72). */
  usersAreLocalAdministrators: boolean | null;
  /** Users can write to the directory holding Pcmsvc32.exe (R72, Q181118). */
  isPcmServiceDirectoryUserWritable: boolean | null;
  /** The PCM service account, DOMAIN\ACCOUNT (R71: one account shared by every client). */
  pcmServiceAccount: string | null;
  /** SMSIDDUP (or another scan) found this SMS ID on more than one machine (R76, Q192859). */
  hasDuplicateSmsId: boolean | null;
  /** The client's standard-time offset from UTC, in minutes (R45). */
  utcOffsetMinutes: number | null;
  /** Whether the client's clock adjusts for daylight saving time (R44, Windows 95). */
  isDaylightSavingAdjusted: boolean | null;
  /** A DOS or Windows 3.x client that reaches its NetWare logon server through the NETX shell (R80, Q160775). */
  isNetwareNetxClient: boolean | null;
  /** Sms.ini [Local] DisableRandomPCMServers; "RANDOM" when the key is absent (R82, Q180151, Q195944). */
  disableRandomPcmServers: DisableRandomPcmServers | null;
}

/** The values of Sms.ini [Local] DisableRandomPCMServers (Q180151, Q195944). */
export const DISABLE_RANDOM_PCM_SERVERS_VALUES = ["RANDOM", "LOCALONLY", "DRIVEMAPPINGS", "RANDOMONLY", "PREFERREDONLY", "PREFERREDFIRST"] as const;
export type DisableRandomPcmServers = (typeof DISABLE_RANDOM_PCM_SERVERS_VALUES)[number];

export interface ReviewCommandLine {
  id: number;
  commandName: string;
  commandLine: string;
  isAutomated: boolean;
  isSystemTask: boolean;
  /** PDF-only UserInputRequired (Q174933): null when the PDF did not define it. */
  isUserInputRequired: boolean | null;
  isSynchronousSystemExitRequired: boolean;
  supportedPlatforms: Platform[];
  restartsComputer: boolean;
  /** Added for R2: the program needs local administrator rights (installs into secured places); null = not recorded. */
  requiresAdministratorRights: boolean | null;
}

export interface ReviewPackage {
  packageId: string;
  siteCode: string;
  name: string;
  comments: string;
  sourceDirectory: string;
  commandLines: ReviewCommandLine[];
  // Added for the requirement rules; null means "not recorded".
  /** Number of files in the source directory (R19, Q139590). */
  sourceFileCount: number | null;
  /** The source holds long (non-8.3) file names, which need NTFS distribution servers (R20, Q124959). */
  hasLongFileNames: boolean | null;
  /** The source directory is on an NTFS volume (R21: Macintosh packages, Q152338). */
  isSourceOnNtfs: boolean | null;
  /** Total size of the source files, in bytes (R56). */
  sourceSizeBytes: number | null;
  /** The source files changed after a job last sent the package; false when unchanged or never sent (R22). */
  hasSourceChangedSinceLastSend: boolean | null;
  /** Names of the distribution servers that already hold the package (R54, R85). */
  distributionServerNames: string[] | null;
  /** The Sharing set's share name; null when the package is not set up for sharing (R55). */
  shareName: string | null;
}

export interface ReviewJob {
  /** Null while the job is being written and has no ID yet. */
  jobId: string | null;
  state: JobState;
  definition: JobInput;
  /** When it was sent (ISO), which places its record in each client's .INS; null or absent: not sent yet, so after every active job. */
  sentAt?: string | null;
}

/**
 * Another active job with a mandatory run phase, as the rules across jobs see it (R42, R53): its
 * record is in its targets' instruction files, in the order the jobs were sent.
 */
export interface ReviewOtherJob {
  jobId: string;
  /** The originating site. */
  siteCode: string;
  /** ISO time it was sent: its place in each client's .INS. */
  sentAt: string;
  /** Site wall clock, normalised. */
  mandatoryAfter: string;
  /** Site wall clock, normalised; null when it does not expire. */
  expireAfter: string | null;
  targetCount: number;
  /** The targets of the reviewed job that this job also targets. */
  sharedTargetSmsIds: readonly string[];
}

export interface ReviewContext {
  /** The moment of the review on the originating site's wall clock. */
  now: string;
  job: ReviewJob;
  package: ReviewPackage;
  /** The command line the run phase names, or null when none is chosen. */
  commandLine: ReviewCommandLine | null;
  /** The resolved target list (frozen at Send for an active job). */
  targets: ReviewComputer[];
  /** The distribution servers the job's records will list. */
  distributionServers: ReviewServer[];
  /** Every site the console holds, by site code. */
  sites: ReadonlyMap<string, ReviewSite>;
  /** Every server the console holds, by NetBIOS name (a computer's `logonServer` is looked up here). */
  servers: ReadonlyMap<string, ReviewServer>;
  /** The other active mandatory jobs (R42, R53); absent or null when they were not loaded, so those rules say "not checked". */
  otherJobs?: readonly ReviewOtherJob[] | null;
}

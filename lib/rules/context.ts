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
}

export interface ReviewComputer {
  smsId: string;
  name: string;
  siteCode: string;
  logonServer: string | null;
  platform: Platform;
  osVersion: string;
  ntRole: "WORKSTATION" | "SERVER_STANDALONE" | "MEMBER_SERVER" | "DOMAIN_CONTROLLER" | null;
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
}

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
}

export interface ReviewPackage {
  packageId: string;
  siteCode: string;
  name: string;
  comments: string;
  sourceDirectory: string;
  commandLines: ReviewCommandLine[];
}

export interface ReviewJob {
  /** Null while the job is being written and has no ID yet. */
  jobId: string | null;
  state: JobState;
  definition: JobInput;
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
  sites: ReadonlyMap<string, ReviewSite>;
  servers: ReadonlyMap<string, ReviewServer>;
}

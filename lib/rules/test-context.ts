import type { JobInput, JobState } from "../jobs/schema";
import type { ReviewCommandLine, ReviewComputer, ReviewContext, ReviewOtherJob, ReviewPackage, ReviewServer, ReviewSite } from "./context";

/**
 * Review contexts for tests and benchmarks. `reviewContext()` is a fully valid PCM-service job
 * (digest §3.6, Q166765): automated System (Background) Task command line with UserInputRequired
 * FALSE, mandatory, Windows NT x86 domain members with a running, current service, polling 20
 * minutes, every optional fact recorded. It has no finding and nothing unchecked, so a test
 * changes one thing and sees exactly one rule react.
 */
export const NOW = "1998-03-02T09:00:00";
export const SITE_CODE = "BPC";
export const SERVER_NAME = "CNS-SMS";

export function siteFixture(changes: Partial<ReviewSite> = {}): ReviewSite {
  return {
    code: SITE_CODE,
    name: "Headquarters",
    parentCode: null,
    smsVersion: "1.2",
    servicePack: 3,
    pcmPollingIntervalMinutes: 20,
    inventoryIntervalDays: 7,
    isPcmEnabled: true,
    businessHours: { isoWeekdays: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" },
    siteServerFreeDiskBytes: 10 * 1024 ** 3,
    utcOffsetMinutes: -300,
    isDaylightSavingAdjusted: true,
    ...changes,
  };
}

export function serverFixture(changes: Partial<ReviewServer> = {}): ReviewServer {
  const name = changes.name ?? SERVER_NAME;
  return {
    name,
    siteCode: SITE_CODE,
    isLogonServer: true,
    isDistributionServer: true,
    packageShare: `\\\\${name}\\SMS_PKGD`,
    serverType: 2,
    fileSystem: "NTFS",
    hasServicesForMacintosh: false,
    macintoshZone: null,
    isRemovedFromHierarchy: false,
    ...changes,
  };
}

export function computerFixture(changes: Partial<ReviewComputer> = {}): ReviewComputer {
  return {
    smsId: "BPC00001",
    name: "WKS001",
    siteCode: SITE_CODE,
    logonServer: SERVER_NAME,
    platform: "WIN32_X86",
    osVersion: "4.0",
    ntRole: "WORKSTATION",
    ntDomain: "CORP",
    smsClientVersion: "1.2",
    smsClientServicePack: 3,
    pcmVariant: "PCMWIN32",
    isPcmServiceInstalled: true,
    pcmServiceFileDate: "1997-10-08",
    pcmServiceInstallDirectory: "C:\\PCMSVC",
    pcmServiceStartType: "AUTOMATIC",
    isPcmServiceRunning: true,
    pcmServiceAccountIsLocalAdmin: true,
    pcmServiceAccountCanLogOnAsService: true,
    pcmServiceAccountCanReadShares: true,
    pcmServiceAccountIsDomainAdmin: false,
    networkLink: "FAST",
    lastInventoryAt: "1998-03-01T10:00:00",
    installedPcmHotfixes: [],
    isPcmwin32AutoStart: false,
    clockOffsetSeconds: 0,
    hasInteractiveUsers: true,
    usersAreLocalAdministrators: false,
    isPcmServiceDirectoryUserWritable: false,
    pcmServiceAccount: "CORP\\PCMSVC01",
    hasDuplicateSmsId: false,
    utcOffsetMinutes: -300,
    isDaylightSavingAdjusted: true,
    isNetwareNetxClient: false,
    disableRandomPcmServers: "RANDOM",
    ...changes,
  };
}

export function commandLineFixture(changes: Partial<ReviewCommandLine> = {}): ReviewCommandLine {
  return {
    id: 1,
    commandName: "Automated Setup",
    commandLine: "setup\\setup.exe /q",
    isAutomated: true,
    isSystemTask: true,
    isUserInputRequired: false,
    isSynchronousSystemExitRequired: false,
    supportedPlatforms: ["WIN32_X86"],
    restartsComputer: false,
    requiresAdministratorRights: true,
    ...changes,
  };
}

export function packageFixture(changes: Partial<ReviewPackage> = {}): ReviewPackage {
  return {
    packageId: "BPC0000A",
    siteCode: SITE_CODE,
    name: "Office 97",
    comments: "",
    sourceDirectory: "\\\\SOURCE\\PACKAGES\\OFFICE97",
    commandLines: [commandLineFixture()],
    sourceFileCount: 12,
    hasLongFileNames: false,
    isSourceOnNtfs: true,
    sourceSizeBytes: 10 * 1024 ** 2,
    hasSourceChangedSinceLastSend: false,
    distributionServerNames: [],
    shareName: null,
    ...changes,
  };
}

export function jobDefinitionFixture(): JobInput {
  return {
    jobType: "RUN_COMMAND_ON_WORKSTATION",
    packageId: "BPC0000A",
    siteCode: SITE_CODE,
    comment: "",
    priority: "MEDIUM",
    schedule: { repeat: "NEVER" },
    target: { kind: "COMPUTERS", smsIds: ["BPC00001", "BPC00002"], serverNames: [], includeSubsites: false, platforms: [], pcmVariants: [] },
    sendPhase: { isEnabled: true, evenIfPreviouslySent: false },
    distributePhase: { putOnSpecifiedServers: true, refreshExistingServers: false },
    runPhase: {
      isEnabled: true,
      commandLineId: 1,
      offerAfter: "1998-03-02T18:00:00",
      isMandatory: true,
      mandatoryAfter: "1998-03-03T02:00:00",
      notMandatoryOverSlowLink: false,
      isExpiring: false,
    },
  };
}

type JobChanges = { [Key in keyof JobInput]?: JobInput[Key] extends object ? Partial<JobInput[Key]> : JobInput[Key] };

export interface ContextChanges {
  now?: string;
  jobState?: JobState;
  job?: JobChanges;
  /** Changes to the package's first command line, which the job runs; null: the job names no command line. */
  commandLine?: Partial<ReviewCommandLine> | null;
  package?: Partial<Omit<ReviewPackage, "commandLines">>;
  /** Changes applied to every default target. */
  target?: Partial<ReviewComputer>;
  /** Replaces the default targets. */
  targets?: ReviewComputer[];
  /** Changes to the site BPC, the job's and the targets' site. */
  site?: Partial<ReviewSite>;
  /** More sites, beside BPC. */
  otherSites?: ReviewSite[];
  /** Changes to the server CNS-SMS, the targets' logon server and the job's distribution server. */
  server?: Partial<ReviewServer>;
  /** Replaces the job's distribution servers (CNS-SMS stays in the servers map). */
  distributionServers?: ReviewServer[];
  /** The other active mandatory jobs; none by default, null: not loaded. */
  otherJobs?: ReviewOtherJob[] | null;
}

export function reviewContext(changes: ContextChanges = {}): ReviewContext {
  const base = jobDefinitionFixture();
  const job = changes.job ?? {};
  const definition: JobInput = {
    ...base,
    ...job,
    schedule: { ...base.schedule, ...job.schedule },
    target: { ...base.target, ...job.target },
    sendPhase: { ...base.sendPhase, ...job.sendPhase },
    distributePhase: { ...base.distributePhase, ...job.distributePhase },
    runPhase: { ...base.runPhase, ...job.runPhase },
  };
  const line = commandLineFixture(changes.commandLine ?? {});
  const pkg = packageFixture({ ...changes.package, commandLines: [line] });
  const server = serverFixture(changes.server);
  const distributionServers = changes.distributionServers ?? [server];
  const targets =
    changes.targets ?? [computerFixture(changes.target), computerFixture({ smsId: "BPC00002", name: "WKS002", ...changes.target })];
  const sites = [siteFixture(changes.site), ...(changes.otherSites ?? [])];
  return {
    now: changes.now ?? NOW,
    job: { jobId: "BPC000AA", state: changes.jobState ?? "PENDING", definition },
    package: pkg,
    commandLine: changes.commandLine === null ? null : line,
    targets,
    distributionServers,
    sites: new Map(sites.map((site) => [site.code, site])),
    servers: new Map([server, ...distributionServers].map((entry) => [entry.name, entry])),
    otherJobs: changes.otherJobs === undefined ? [] : changes.otherJobs,
  };
}

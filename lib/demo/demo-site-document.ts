import type { ComputerInput } from "../computers/schema";
import type { MachineGroupInput } from "../machine-groups/schema";
import type { DocumentPackageInput } from "../packages/schema";
import type { ServerInput } from "../servers/schema";
import { SITE_DOCUMENT_FORMAT, SITE_DOCUMENT_VERSION, type SiteDocumentInput } from "../site-document/schema";
import type { DocumentSite } from "../sites/schema";
import { addDays } from "../wall-clock";
import { DEMO_REFERENCE_TIME, generateComputers, type GeneratedSite } from "./computers";
import { office95DemoPackage } from "./office95-package";

/**
 * The demo hierarchy: site BPC and its servers CNS-SMS and CNSAPPS1 with the four packages of the
 * KB Q123499 dump, Office 95 imported from its PDF (Q140055), and client MDM00005, below a central site GBL (which created package GBL00015),
 * plus sites on other SMS versions so version-gated behaviour has something to show.
 */
const SITES: DocumentSite[] = [
  { code: "GBL", name: "Global Central Site", smsVersion: "1.2", servicePack: 4, pcmPollingIntervalMinutes: 60, inventoryIntervalDays: 7, isPcmEnabled: true, siteServerFreeDiskMegabytes: 4096, utcOffsetMinutes: -300, isDaylightSavingAdjusted: true },
  {
    code: "BPC",
    name: "BPC Primary Site",
    parentCode: "GBL",
    smsVersion: "1.2",
    servicePack: 3,
    pcmPollingIntervalMinutes: 20,
    inventoryIntervalDays: 7,
    isPcmEnabled: true,
    businessDays: [1, 2, 3, 4, 5],
    businessHoursStart: "08:00",
    businessHoursEnd: "18:00",
    siteServerFreeDiskMegabytes: 1200,
    utcOffsetMinutes: -300,
    isDaylightSavingAdjusted: true,
  },
  { code: "VAQ", name: "VAQ Branch Office", parentCode: "GBL", smsVersion: "1.2", servicePack: 2, pcmPollingIntervalMinutes: 15, inventoryIntervalDays: 7, isPcmEnabled: true, businessDays: [1, 2, 3, 4, 5, 6], businessHoursStart: "07:30", businessHoursEnd: "17:00", utcOffsetMinutes: -360 },
  // S01's facts are left unrecorded, so the review has a site to call "not checked".
  { code: "S01", name: "S01 Legacy Site", parentCode: "BPC", smsVersion: "1.1", servicePack: 0, pcmPollingIntervalMinutes: 30, inventoryIntervalDays: 14, isPcmEnabled: false },
];

const SERVERS: ServerInput[] = [
  { name: "GBL-SMS", siteCode: "GBL", isLogonServer: true, isDistributionServer: true, packageShare: "\\\\GBL-SMS\\SMS_PKGC", serverType: 2, fileSystem: "NTFS", hasServicesForMacintosh: false },
  { name: "CNS-SMS", siteCode: "BPC", isLogonServer: true, isDistributionServer: true, packageShare: "\\\\CNS-SMS\\SMS_PKGD", serverType: 2, fileSystem: "NTFS", hasServicesForMacintosh: true, macintoshZone: "CNS Engineering", isRemovedFromHierarchy: false },
  { name: "CNSAPPS1", siteCode: "BPC", isLogonServer: false, isDistributionServer: true, packageShare: "\\\\CNSAPPS1\\SMS_PKGD", serverType: 2, fileSystem: "NTFS", hasServicesForMacintosh: false, isRemovedFromHierarchy: false },
  { name: "VAQ-SMS", siteCode: "VAQ", isLogonServer: true, isDistributionServer: true, packageShare: "\\\\VAQ-SMS\\SMS_PKGC", serverType: 2, fileSystem: "NTFS", hasServicesForMacintosh: false },
  { name: "VAQNW1", siteCode: "VAQ", isLogonServer: false, isDistributionServer: true, packageShare: "\\\\VAQNW1\\SYS", serverType: 6, fileSystem: "NETWARE", hasServicesForMacintosh: false },
  { name: "S01-SMS", siteCode: "S01", isLogonServer: true, isDistributionServer: true, packageShare: "\\\\S01-SMS\\SMS_PKGC", serverType: 2, fileSystem: "FAT", hasServicesForMacintosh: false },
];

const GENERATED_SITES: GeneratedSite[] = [
  { code: "BPC", logonServer: "CNS-SMS", ntDomain: "CORP", smsClientVersion: "1.2", smsClientServicePack: 3 },
  { code: "VAQ", logonServer: "VAQ-SMS", ntDomain: "BRANCH", smsClientVersion: "1.2", smsClientServicePack: 2 },
  { code: "S01", logonServer: "S01-SMS", ntDomain: "LEGACY", smsClientVersion: "1.1", smsClientServicePack: 0 },
  { code: "GBL", logonServer: "GBL-SMS", ntDomain: "CORP", smsClientVersion: "1.2", smsClientServicePack: 4 },
];

/** The client whose instruction file Q123499 dumps. MDM was the site that created its SMS ID. */
const MDM00005: ComputerInput = {
  smsId: "MDM00005",
  name: "MDM-WKS-05",
  siteCode: "BPC",
  logonServer: "CNS-SMS",
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
  lastInventoryAt: "1998-11-16T09:30:00",
  // Every fact the requirement rules read, recorded.
  installedPcmHotfixes: [],
  isPcmwin32AutoStart: false,
  clockOffsetSeconds: 12,
  hasInteractiveUsers: true,
  usersAreLocalAdministrators: false,
  isPcmServiceDirectoryUserWritable: false,
  pcmServiceAccount: "CORP\\SMSPCMSVC",
  hasDuplicateSmsId: false,
  utcOffsetMinutes: -300,
  isDaylightSavingAdjusted: true,
  isNetwareNetxClient: false,
  disableRandomPcmServers: "RANDOM",
};

const PACKAGES: DocumentPackageInput[] = [
  {
    packageId: "BPC0000A",
    siteCode: "BPC",
    name: "Microsoft Office Professional 4",
    comments: "Microsoft Office Professional 4.3",
    sourceDirectory: "\\\\CNSAPPS1\\SOURCE\\OFFICE43",
    sourceFileCount: 412,
    sourceSizeMegabytes: 58,
    hasLongFileNames: false,
    isSourceOnNtfs: true,
    commandLines: [
      { commandName: "Complete", commandLine: "acmewkst.exe smsproxy\\complete.stf /I:C", isAutomated: true, isSystemTask: false, isUserInputRequired: false, isSynchronousSystemExitRequired: false, supportedPlatforms: ["WIN16", "WIN32_X86", "WIN32_MIPS", "WIN32_ALPHA"], restartsComputer: false },
      { commandName: "Typical", commandLine: "acmewkst.exe smsproxy\\typical.stf", isAutomated: false, isSystemTask: false, isUserInputRequired: true, isSynchronousSystemExitRequired: false, supportedPlatforms: ["WIN16", "WIN32_X86"], restartsComputer: false },
    ],
  },
  {
    packageId: "GBL00015",
    siteCode: "GBL",
    name: "MS Software Audit (16 Packages)",
    comments: "This package will search your hard disk drives looking for Microsoft software. It will report only which Microsoft programs you have installed on this computer. This will be used to offer you software upgrades as they become available.",
    sourceDirectory: "\\\\GBL-SMS\\SOURCE\\AUDIT",
    commandLines: [
      { commandName: "Find Microsoft Software", commandLine: "audit.bat", isAutomated: true, isSystemTask: false, isUserInputRequired: false, isSynchronousSystemExitRequired: false, supportedPlatforms: ["WIN16", "WIN32_X86", "DOS5", "DOS6"], restartsComputer: false },
    ],
  },
  {
    packageId: "BPC00010",
    siteCode: "BPC",
    name: "MS Flight Simulator",
    comments: "This is for Macintosh Only",
    sourceDirectory: "\\\\CNS-SMS\\SOURCE\\FLTSIM",
    // The SOURCE share sits on a FAT volume of CNS-SMS; Macintosh packages need NTFS for their resource forks (R21).
    sourceFileCount: 37,
    sourceSizeMegabytes: 24,
    isSourceOnNtfs: false,
    commandLines: [
      { commandName: "Install Flight Simulator on your system", commandLine: "\"Flight Simulator Program\"", isAutomated: false, isSystemTask: false, isUserInputRequired: true, isSynchronousSystemExitRequired: false, supportedPlatforms: ["MACINTOSH"], restartsComputer: false },
    ],
  },
  {
    packageId: "BPC00012",
    siteCode: "BPC",
    name: "WFW VREDIR.386 Patch",
    comments: "Patch Utility for new WFW Redirector",
    sourceDirectory: "\\\\CNSAPPS1\\SOURCE\\VREDIR",
    commandLines: [
      { commandName: "Patch of NW Redirector", commandLine: "patch.exe", isAutomated: true, isSystemTask: false, isUserInputRequired: false, isSynchronousSystemExitRequired: false, supportedPlatforms: ["WIN16"], restartsComputer: true },
    ],
  },
  {
    packageId: "BPC00020",
    siteCode: "BPC",
    name: "Windows NT 4.0 Service Pack 3",
    comments: "Service Pack 3 for Windows NT 4.0 (x86), unattended through the PCM service.",
    sourceDirectory: "\\\\CNSAPPS1\\SOURCE\\NT4SP3",
    sourceFileCount: 268,
    sourceSizeMegabytes: 34,
    hasLongFileNames: false,
    isSourceOnNtfs: true,
    hasSourceChangedSinceLastSend: false,
    commandLines: [
      { commandName: "Unattended update (PCM service)", commandLine: "update.exe -u -z", isAutomated: true, isSystemTask: true, isUserInputRequired: false, isSynchronousSystemExitRequired: true, supportedPlatforms: ["WIN32_X86"], restartsComputer: true, requiresAdministratorRights: true },
      { commandName: "Interactive update", commandLine: "update.exe", isAutomated: false, isSystemTask: false, isSynchronousSystemExitRequired: false, supportedPlatforms: ["WIN32_X86"], restartsComputer: true, requiresAdministratorRights: true },
    ],
  },
  office95DemoPackage(),
];

export const DEMO_COMPUTER_COUNT = 40;

/**
 * The demo as a site document. Inventory is dated before `now` (a fixed day in 1998 unless the
 * loader passes the site's clock), so the review sees a current inventory in a fresh demo.
 */
export function buildDemoSiteDocument(now: string = DEMO_REFERENCE_TIME): SiteDocumentInput {
  const computers = [{ ...MDM00005, lastInventoryAt: addDays(now, -5).slice(0, 11) + "09:30:00" }, ...generateComputers(GENERATED_SITES, DEMO_COMPUTER_COUNT, 1994, now)];
  const ntX86AtBpc = computers.filter((computer) => computer.siteCode === "BPC" && computer.platform === "WIN32_X86");
  const macintoshes = computers.filter((computer) => computer.platform === "MACINTOSH");
  const machineGroups: MachineGroupInput[] = [
    { name: "BPC NT Workstations", comment: "Windows NT (x86) workstations at BPC", members: ntX86AtBpc.map((computer) => computer.smsId), servers: [] },
    { name: "Macintosh Design", comment: "Macintosh clients in every site", members: macintoshes.map((computer) => computer.smsId), servers: [] },
    { name: "BPC Distribution Servers", comment: "Server group for the Distribute phase", members: [], servers: ["CNS-SMS", "CNSAPPS1"] },
  ];
  return { format: SITE_DOCUMENT_FORMAT, version: SITE_DOCUMENT_VERSION, sites: SITES, servers: SERVERS, computers, machineGroups, packages: PACKAGES };
}

export { GENERATED_SITES };

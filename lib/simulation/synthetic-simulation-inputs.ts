import type { InstructionRecord } from "../ins/record";
import { RESERVED_FLAGS } from "../jobs/instructions";
import { operatingSystemMask, PCM_VARIANT_OF_PLATFORM, WINDOWS_NT_PLATFORMS, type Platform } from "../platforms";
import { toBase36 } from "../sms-id";
import { addDays } from "../wall-clock";
import { DEFAULT_ASSUMPTIONS, type ClientSession, type InstructionFileVersion, type SimulationInput } from "./simulation-input";

export const SYNTHETIC_WINDOW_START = "1998-03-02T00:00:00";

/** A 1998 site's client mix, mostly Windows NT x86 (as lib/rules/synthetic-context.ts). */
const PLATFORM_MIX: readonly Platform[] = ["WIN32_X86", "WIN32_X86", "WIN32_X86", "WIN32_X86", "WIN32_ALPHA", "WIN32_MIPS", "WIN16", "WINDOWS95", "DOS6", "MACINTOSH"];
const POLLING_INTERVALS = [20, 20, 30, 15, 60];

function at(day: number, time: string): string {
  return `${addDays(SYNTHETIC_WINDOW_START, day).slice(0, 10)}T${time}`;
}

function syntheticRecord(requestId: string, packageId: string, changes: Partial<InstructionRecord>, flags: number): InstructionRecord {
  return {
    version: 6,
    siteId: "BPC",
    requestId,
    packageId,
    jobId: `BPC00${requestId.slice(4)}A`,
    installFlag: 0,
    installByDate: null,
    installByFull: 0,
    displayDate: at(0, "18:00:00"),
    displayFull: 1,
    expirationDate: null,
    expirationFull: 0,
    userInputFlags: 0,
    operatingSystem: operatingSystemMask(WINDOWS_NT_PLATFORMS),
    diskUsage: "",
    runCommand: "setup.exe /q",
    wclName: "Automated Setup",
    servers: [{ path: `\\\\CNS-SMS\\SMS_PKGD\\${packageId}\\`, type: 2, zone: "" }],
    packageName: packageId,
    comments: "",
    domainName: "",
    reserved: flags.toString(16).padStart(2, "0") + "00".repeat(31),
    ...changes,
  };
}

const SERVICE = RESERVED_FLAGS.AUTOMATED_COMMAND_LINE | RESERVED_FLAGS.SYSTEM_TASK;
const DESKTOP_PLATFORMS: Platform[] = ["WIN16", "WIN32_X86", "WIN32_ALPHA", "DOS6", "MACINTOSH"];

/** Five jobs over a month: a mandatory service job, a desktop job, an expiring one, an SP3 optional service job, and one canceled on day 15. */
function syntheticFileVersions(): InstructionFileVersion[] {
  const mandatoryService = syntheticRecord("BPC0010", "BPC0000A", { installByFull: 1, installByDate: at(1, "02:00:00") }, SERVICE);
  const desktop = syntheticRecord("BPC0011", "BPC0000B", { displayDate: at(2, "08:00:00"), installByFull: 1, installByDate: at(9, "12:00:00"), operatingSystem: operatingSystemMask(DESKTOP_PLATFORMS) }, RESERVED_FLAGS.AUTOMATED_COMMAND_LINE);
  const expiring = syntheticRecord("BPC0012", "BPC0000C", { displayDate: at(4, "08:00:00"), expirationFull: 1, expirationDate: at(11, "18:00:00"), operatingSystem: operatingSystemMask(DESKTOP_PLATFORMS) }, 0);
  const optionalService = syntheticRecord("BPC0013", "BPC0000D", { displayDate: at(6, "20:00:00") }, SERVICE);
  const canceled = syntheticRecord("BPC0014", "BPC0000E", { displayDate: at(20, "08:00:00"), operatingSystem: operatingSystemMask(DESKTOP_PLATFORMS) }, 0);
  return [
    { from: SYNTHETIC_WINDOW_START, records: [mandatoryService, desktop] },
    { from: at(3, "07:00:00"), records: [mandatoryService, desktop, expiring] },
    { from: at(5, "07:00:00"), records: [mandatoryService, desktop, expiring, optionalService, canceled] },
    { from: at(14, "16:00:00"), records: [mandatoryService, desktop, expiring, optionalService] },
  ];
}

/** Weekday sessions, 08:00 to 17:30, for clients whose users log off at night. */
function workdaySessions(days: number): ClientSession[] {
  const sessions: ClientSession[] = [];
  for (let day = 0; day < days; day += 1) {
    if (day % 7 < 5) sessions.push({ logonAt: at(day, "08:03:00"), logoffAt: at(day, "17:30:00") });
  }
  return sessions;
}

/**
 * `count` varied clients over `days` days sharing one month of instruction files, for timing
 * simulateClients (the brief: 10,000 clients over 30 days in well under 5 s). Versions, service
 * states, polling intervals, clock offsets, histories and logon habits vary so every path runs.
 */
export function buildSyntheticSimulationInputs(count = 10_000, days = 30): SimulationInput[] {
  const fileVersions = syntheticFileVersions();
  const window = { from: SYNTHETIC_WINDOW_START, to: addDays(SYNTHETIC_WINDOW_START, days) };
  const workdays = workdaySessions(days);
  const hangingService = { ...DEFAULT_ASSUMPTIONS, byRequestId: { BPC0010: { exitStatus: "hangs" as const } } };
  const inputs: SimulationInput[] = [];
  for (let index = 0; index < count; index += 1) {
    const platform = PLATFORM_MIX[index % PLATFORM_MIX.length] as Platform;
    const isNt = WINDOWS_NT_PLATFORMS.includes(platform);
    const isOld = !isNt && index % 9 === 0;
    const hasService = isNt && index % 11 !== 0;
    inputs.push({
      client: {
        smsId: `BPC${toBase36(index, 5)}`,
        platform,
        pcmVariant: PCM_VARIANT_OF_PLATFORM[platform],
        smsClientVersion: isOld ? "1.1" : "1.2",
        smsClientServicePack: isOld ? 0 : 1 + (index % 4),
        installedPcmHotfixes: index % 6 === 0 ? ["Q231378", "Q255284"] : [],
        isPcmServiceInstalled: hasService,
        isPcmServiceRunning: hasService && index % 13 !== 0,
        pollingIntervalMinutes: POLLING_INTERVALS[index % POLLING_INTERVALS.length] as number,
        clockOffsetSeconds: index % 23 === 0 ? 600 : index % 5 === 0 ? -45 : 0,
        logonServer: `BPC-LOGON${index % 4}`,
        hasInteractiveUsers: index % 17 !== 0,
        ...(index % 3 === 0 ? { sessions: workdays } : {}),
        hasLogonServerAtStartup: index % 29 !== 0,
        disablePcmCountdown: index % 8 === 0,
      },
      fileVersions,
      history: index % 19 === 0 ? ["BPC0011"] : [],
      window,
      assumptions: index % 50 === 0 ? hangingService : DEFAULT_ASSUMPTIONS,
    });
  }
  return inputs;
}

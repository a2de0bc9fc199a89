import type { ComputerInput } from "../computers/schema";
import { PCM_VARIANT_OF_PLATFORM, PLATFORMS, type Platform } from "../platforms";
import { toBase36 } from "../sms-id";
import { addDays } from "../wall-clock";

/** What a site contributes to generated inventory. */
export interface GeneratedSite {
  code: string;
  logonServer: string;
  ntDomain: string;
  smsClientVersion: "1.0" | "1.1" | "1.2";
  smsClientServicePack: number;
}

const OS_VERSIONS: Record<Platform, string[]> = {
  WIN16: ["3.1", "3.11"],
  WIN32_X86: ["3.51", "4.0"],
  WIN32_MIPS: ["3.51", "4.0"],
  WIN32_ALPHA: ["3.51", "4.0"],
  DOS5: ["5.0"],
  DOS6: ["6.2", "6.22"],
  MACINTOSH: ["7.1", "7.5"],
  WINDOWS95: ["4.0.950"],
};

/** A small deterministic generator (mulberry32) so generated documents are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PREFIXES: Record<Platform, string> = {
  WIN16: "WFW",
  WIN32_X86: "NTX",
  WIN32_MIPS: "NTM",
  WIN32_ALPHA: "NTA",
  DOS5: "DOS",
  DOS6: "DOS",
  MACINTOSH: "MAC",
  WINDOWS95: "W95",
};

/** Post-SP4 PCM hotfix sets an SP4 client may hold (the fixes R9, R25 and R37 look for). */
const SP4_HOTFIX_SETS: (string[] | undefined)[] = [[], ["Q195937"], ["Q193784", "Q195937"], ["Q193784", "Q195937", "Q255284"], undefined];

/**
 * The facts the requirement rules read, for a share of the computers: clocks mostly within a few
 * seconds and every 13th (from the 8th) off by minutes, Pcmwin32 auto-start, SP4 hotfixes. Drawn
 * from their own stream so the inventory fields above stay what they were before facts existed.
 */
function generatedFacts(index: number, site: GeneratedSite, platform: Platform, random: () => number): Partial<ComputerInput> {
  const isRecorded = random() < 0.75;
  const drift = Math.round((random() - 0.5) * 50);
  const isSkewed = index % 13 === 7;
  const hotfixSet = SP4_HOTFIX_SETS[Math.floor(random() * SP4_HOTFIX_SETS.length)];
  const isAutoStart = random() < 0.5;
  const isWindowsNt = platform.startsWith("WIN32");
  return {
    clockOffsetSeconds: isSkewed ? (index % 2 === 0 ? -1 : 1) * (240 + (index % 5) * 60) : isRecorded ? drift : undefined,
    isPcmwin32AutoStart: isWindowsNt && isRecorded ? isAutoStart : undefined,
    installedPcmHotfixes: site.smsClientServicePack === 4 && isWindowsNt ? hotfixSet : undefined,
  };
}

/**
 * Inventory for `count` computers spread over the sites and every platform in turn, with SMS IDs
 * laid out as Q127052 describes: creating site code, a two-character logon-server range, a sequence.
 */
/** The moment generated inventory is dated against when no other is given: November 1998. */
export const DEMO_REFERENCE_TIME = "1998-11-29T08:15:00";

export function generateComputers(sites: readonly GeneratedSite[], count: number, seed = 1994, inventoryTakenBy: string = DEMO_REFERENCE_TIME): ComputerInput[] {
  const random = seededRandom(seed);
  const factsRandom = seededRandom(seed ^ 0x5eed);
  return Array.from({ length: count }, (_, index) => {
    const site = sites[index % sites.length] as GeneratedSite;
    const platform = PLATFORMS[Math.floor(index / sites.length) % PLATFORMS.length] as Platform;
    const isWindowsNt = platform.startsWith("WIN32");
    const sequence = Math.floor(index / sites.length) + 1;
    const smsId = `${site.code}${toBase36(1 + Math.floor(sequence / 44_065), 2)}${toBase36(sequence % 44_065, 3)}`;
    const hasService = isWindowsNt && platform !== "WIN32_MIPS" && random() < 0.6;
    const osVersions = OS_VERSIONS[platform];
    const day = 1 + Math.floor(random() * 28);
    return {
      smsId,
      name: `${PREFIXES[platform]}-${site.code}-${String(sequence).padStart(5, "0")}`,
      siteCode: site.code,
      logonServer: platform === "MACINTOSH" ? undefined : site.logonServer,
      platform,
      osVersion: osVersions[Math.floor(random() * osVersions.length)] as string,
      ntRole: isWindowsNt ? (random() < 0.9 ? "WORKSTATION" : "MEMBER_SERVER") : undefined,
      ntDomain: isWindowsNt || platform === "WINDOWS95" ? site.ntDomain : undefined,
      smsClientVersion: site.smsClientVersion,
      smsClientServicePack: site.smsClientServicePack,
      pcmVariant: PCM_VARIANT_OF_PLATFORM[platform],
      isPcmServiceInstalled: hasService,
      pcmServiceFileDate: hasService ? "1997-10-08" : undefined,
      pcmServiceInstallDirectory: hasService ? (random() < 0.2 ? "C:\\MS\\SMS\\BIN" : "C:\\PCMSVC") : undefined,
      pcmServiceStartType: hasService ? "AUTOMATIC" : undefined,
      isPcmServiceRunning: hasService && random() < 0.9,
      pcmServiceAccountIsLocalAdmin: hasService,
      pcmServiceAccountCanLogOnAsService: hasService,
      pcmServiceAccountCanReadShares: hasService,
      pcmServiceAccountIsDomainAdmin: false,
      networkLink: random() < 0.1 ? "SLOW" : "FAST",
      // Inventory taken in the week before `inventoryTakenBy` (sites take it every 7 days), at working hours.
      lastInventoryAt: addDays(inventoryTakenBy, -1 - (day % 6)).slice(0, 11) + `${String(8 + (index % 10)).padStart(2, "0")}:15:00`,
      ...generatedFacts(index, site, platform, factsRandom),
    };
  });
}

import { PCM_SERVICE_PLATFORMS, WINDOWS_NT_PLATFORMS, type Platform } from "../platforms";
import type { ReviewComputer } from "./context";
import { unknownFact, type UnknownFact } from "./rule";

/** Small shared readings of a target, so rules word the same facts the same way. */
export function isWindowsNt(platform: Platform): boolean {
  return WINDOWS_NT_PLATFORMS.includes(platform);
}

/** Windows NT on Intel or Alpha, where the PCM service exists (Q167114); not MIPS. */
export function isPcmServicePlatform(platform: Platform): boolean {
  return PCM_SERVICE_PLATFORMS.includes(platform);
}

/** The client's service pack, SMS 1.0 and 1.1 counting as 0 (as version-gate.ts does). */
export function clientServicePackOf(computer: ReviewComputer): number {
  return computer.smsClientVersion === "1.2" ? computer.smsClientServicePack : 0;
}

/**
 * Whether a desktop PCM starts at logon: someone logs on (R2), and Pcmwin32 is not kept from loading
 * (Q164657). Loading at logon is SMS's default, so an unrecorded setting counts as loaded, as in the simulator.
 */
export function isDesktopPcmStarted(computer: ReviewComputer): boolean {
  return computer.hasInteractiveUsers !== false && !(computer.pcmVariant === "PCMWIN32" && computer.isPcmwin32AutoStart === false);
}

/** Before SP2 a loaded Pcmwin32 runs and offers System (Background) Task jobs itself (Q165147), so the service is not needed. */
export function desktopRunsServiceJobs(computer: ReviewComputer): boolean {
  return computer.pcmVariant === "PCMWIN32" && clientServicePackOf(computer) < 2 && isDesktopPcmStarted(computer);
}

export const HOTFIXES_NOT_RECORDED = unknownFact("installed PCM hotfixes not recorded");

/** Whether an SP4 client still lacks a post-SP4 hotfix; unknown when its hotfixes are not recorded. */
export function lacksHotfix(computer: ReviewComputer, article: string): boolean | UnknownFact {
  if (computer.installedPcmHotfixes === null) return HOTFIXES_NOT_RECORDED;
  return !computer.installedPcmHotfixes.includes(article);
}

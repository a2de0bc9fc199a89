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

export const HOTFIXES_NOT_RECORDED = unknownFact("installed PCM hotfixes not recorded");

/** Whether an SP4 client still lacks a post-SP4 hotfix; unknown when its hotfixes are not recorded. */
export function lacksHotfix(computer: ReviewComputer, article: string): boolean | UnknownFact {
  if (computer.installedPcmHotfixes === null) return HOTFIXES_NOT_RECORDED;
  return !computer.installedPcmHotfixes.includes(article);
}

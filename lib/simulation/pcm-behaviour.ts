import { PCM_SERVICE_PLATFORMS, WINDOWS_NT_PLATFORMS } from "../platforms";
import type { SimulatedClient } from "./simulation-input";

/** Countdown before a mandatory job runs on the desktop (Q185805, Q122202). */
export const MANDATORY_COUNTDOWN_MINUTES = 5;

/**
 * How this client's PCM behaves, gated by its SMS version, service pack and hotfixes (digest §3.16).
 * SMS 1.0 and 1.1 count as service pack 0, so "before SP n" covers them too (as lib/rules/version-gate.ts).
 * Flags marked "inferred" rest on a reading of the KB explained in docs/simulation.md.
 */
export interface PcmBehaviour {
  /** Pcmsvc32 exists and runs: SMS 1.2 Windows NT (Intel or Alpha) domain member, installed and running (Q167114, Q166765). */
  hasPcmService: boolean;
  /** 1.2 desktop PCM (Pcmwin16/Pcmwin32) writes Pcmwin.log; 1.0/1.1 desktop PCM keeps no log file (Q122055). */
  hasDesktopLog: boolean;
  /** The service writes PACMAN.LOG (Q214448, Q201764). */
  hasServiceLog: boolean;
  /** Pre-SP4 desktop PCM logs "Packages before filter" (Q166765); the SP4-era excerpt has none (Q237690). Inferred. */
  logsPackagesBeforeFilter: boolean;
  /** SP4+ Pcmwin32 logs its busy-dialog setting at start-up (Q231378). Inferred from the article's date. */
  logsServiceBusyDialogSetting: boolean;
  /** 1.2 drops packages whose Offer After has not come; 1.0/1.1 list them as pending (blank window, Q149683). */
  filtersUnofferedPackages: boolean;
  /** 1.2 before SP2 processes the .INS only when it changed since the last poll (Q163488). */
  processesOnlyChangedFile: boolean;
  /** Pcmwin32 before SP2 runs and offers background jobs itself (Q165147); later desktop PCMs skip them (Q166765). */
  desktopRunsServiceOnly: boolean;
  /** SP3+ Pcmsvc32 runs non-mandatory background jobs at their offer time; before SP3 never (Q174933). */
  serviceRunsNonMandatory: boolean;
  /** Before SP2 a loaded Pcmwin32 keeps the service from running mandatory/background packages (Q164657). */
  serviceBlockedByLoadedDesktop: boolean;
  /** Before SP4 Pcmsvc32 also holds the semaphore while it merely reads the .INS (Q173073). */
  serviceHoldsSemaphoreWhileQuerying: boolean;
  /** SP4 runs overdue mandatory jobs in Mandatory After order; before, in file order (Q173388). */
  runsOverdueInMandatoryOrder: boolean;
  /** 5, or 0 with DisablePCMCountdown=TRUE and an updated PCM (SP4 or the Q185805 fix). */
  countdownMinutes: number;
  /** Before SP4 every poll that sees an expired job writes a .sni (Q188042); SP4 writes one. Inferred for SP4. */
  writesSniAtEveryPoll: boolean;
  /** SP4 without Q255284 runs a job it first sees after its expiry (Q255284). */
  runsJobsFirstSeenExpired: boolean;
  /** Desktop PCM exits at start-up when no logon server answers, before SP4 without the 6/23/98 fix (Q188578; 1.1: Q153571). Inferred for SP4. */
  exitsWithoutLogonServer: boolean;
  /** Pcmwin32 exits when it times out on the service's semaphore at start-up, until the 5/4/99 fix (Q231378). */
  exitsOnSemaphoreTimeout: boolean;
}

function servicePackOf(client: SimulatedClient): number {
  return client.smsClientVersion === "1.2" ? client.smsClientServicePack : 0;
}

export function isWindowsNtPlatform(client: SimulatedClient): boolean {
  return WINDOWS_NT_PLATFORMS.includes(client.platform);
}

/** Whether the client could have the PCM service at all (Q167114): SMS 1.2 Windows NT (Intel or Alpha, not MIPS) domain members. */
export function isPcmServiceEligible(client: SimulatedClient): boolean {
  return PCM_SERVICE_PLATFORMS.includes(client.platform) && client.smsClientVersion === "1.2" && client.isNtDomainMember !== false;
}

export function pcmBehaviourOf(client: SimulatedClient): PcmBehaviour {
  const servicePack = servicePackOf(client);
  const is12 = client.smsClientVersion === "1.2";
  const hotfixes = client.installedPcmHotfixes ?? [];
  const has = (article: string) => hotfixes.includes(article);
  const isPcmwin32 = client.pcmVariant === "PCMWIN32";
  const isWindowsPcm = isPcmwin32 || client.pcmVariant === "PCMWIN16";
  const isCountdownDisabled = client.disablePcmCountdown === true && (servicePack >= 4 || has("Q185805"));
  return {
    hasPcmService: isPcmServiceEligible(client) && client.isPcmServiceInstalled && client.isPcmServiceRunning,
    hasDesktopLog: isWindowsPcm && is12,
    hasServiceLog: is12,
    logsPackagesBeforeFilter: servicePack < 4,
    logsServiceBusyDialogSetting: isPcmwin32 && servicePack >= 4,
    filtersUnofferedPackages: is12,
    processesOnlyChangedFile: is12 && servicePack < 2,
    desktopRunsServiceOnly: isPcmwin32 && servicePack < 2,
    serviceRunsNonMandatory: servicePack >= 3,
    serviceBlockedByLoadedDesktop: servicePack < 2,
    serviceHoldsSemaphoreWhileQuerying: servicePack < 4,
    runsOverdueInMandatoryOrder: servicePack >= 4,
    countdownMinutes: isCountdownDisabled ? 0 : MANDATORY_COUNTDOWN_MINUTES,
    writesSniAtEveryPoll: servicePack < 4,
    runsJobsFirstSeenExpired: servicePack >= 4 && !has("Q255284"),
    exitsWithoutLogonServer: servicePack < 4 && !has("Q188578"),
    exitsOnSemaphoreTimeout: !has("Q231378"),
  };
}

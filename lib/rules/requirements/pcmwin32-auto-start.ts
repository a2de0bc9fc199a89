import type { ReviewComputer } from "../context";
import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";
import { clientServicePackOf, isPcmServicePlatform } from "../target-helpers";

const AUTO_START_NOT_RECORDED = unknownFact("whether Pcmwin32 starts automatically is not recorded");

/** Pcmwin32 is kept from loading at logon: site client setting or a commented-out Smsrun32.ini load= line. */
const isPcmwin32NotLoaded = (computer: ReviewComputer) => computer.pcmVariant === "PCMWIN32" && computer.isPcmwin32AutoStart === false;

/**
 * R69 (Q164657, fixed SP2): a loaded Pcmwin32 keeps the 1.2 PCM service from running jobs; and the
 * other side of its workaround: where Pcmwin32 is not loaded at logon, no desktop PCM runs a desktop job.
 */
export const pcmwin32AutoStart: TargetRule = {
  kind: "target",
  code: "R69",
  title: "Pcmwin32 auto-start and the PCM service",
  severity: "warning",
  scope: "target",
  gate: null,
  versionNote: "Service jobs: SMS 1.2 clients before SP2; desktop jobs: every version",
  sources: ["Q164657", "Q165147"],
  why:
    "Pcmwin32 and Pcmsvc32 share a semaphore. Before SP2 a loaded Pcmwin32 (closing its window does not unload it) keeps the PCM service from running mandatory and background packages. " +
    "Workarounds: turn off automatic start of the PCM client in site properties, or comment out the load= line in Smsrun32.ini. " +
    "A service job still runs there: the pre-SP2 Pcmwin32 runs background jobs itself (Q165147), in the logged-on user's context rather than the service account's. " +
    "The other side of the workaround: where Pcmwin32 is not loaded at logon, nothing reads the instruction file for a desktop job unless the user starts PCM by hand.",
  appliesTo: ({ hasRunPhase }) => hasRunPhase,
  checkTarget(computer, { isServiceJob }) {
    if (!isServiceJob) return isPcmwin32NotLoaded(computer);
    const isBeforeSp2 = computer.smsClientVersion === "1.2" && clientServicePackOf(computer) < 2;
    if (!isBeforeSp2 || !isPcmServicePlatform(computer.platform) || !computer.isPcmServiceInstalled) return false;
    return computer.isPcmwin32AutoStart ?? AUTO_START_NOT_RECORDED;
  },
  blocksRun: {
    because: "Pcmwin32 is not loaded at logon, so no desktop PCM reads the instruction file (unless the user starts PCM by hand)",
    when: (computer, { isServiceJob }) => !isServiceJob && isPcmwin32NotLoaded(computer),
  },
  message: (count, total, { isServiceJob }) =>
    isServiceJob
      ? `${ofTargets(count, total)} load Pcmwin32 at logon with pre-SP2 PCM: a loaded Pcmwin32 prevents the PCM service from running mandatory/background jobs; disable PCM auto-start or the Smsrun32.ini load line.`
      : `${ofTargets(count, total)} do not load Pcmwin32 at logon: no desktop PCM runs this desktop job there unless the user starts PCM by hand; run it as a System (Background) Task or turn auto-start back on.`,
  fix: ({ isServiceJob }) =>
    isServiceJob
      ? { form: "computer", field: "isPcmwin32AutoStart", text: "Stop Pcmwin32 loading at logon (site client settings, or the load= line in Smsrun32.ini), or update the clients to SP2." }
      : { form: "computer", field: "isPcmwin32AutoStart", text: "Load Pcmwin32 at logon again (site client settings, Smsrun32.ini load= line), or tick 'System (Background) Task' so the PCM service runs it." },
};

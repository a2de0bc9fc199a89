import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";
import { isPcmServicePlatform } from "../target-helpers";

const AUTO_START_NOT_RECORDED = unknownFact("whether Pcmwin32 starts automatically is not recorded");

/** R69 (Q164657, fixed SP2): a loaded Pcmwin32 keeps the 1.2 PCM service from running jobs. */
export const pcmwin32AutoStart: TargetRule = {
  kind: "target",
  code: "R69",
  title: "Pcmwin32 auto-start blocks the PCM service (before SP2)",
  severity: "warning",
  scope: "target",
  gate: { against: "client", versions: ["1.2"], beforeServicePack: 2 },
  sources: ["Q164657", "Q165147"],
  why:
    "Pcmwin32 and Pcmsvc32 share a semaphore. Before SP2 a loaded Pcmwin32 (closing its window does not unload it) keeps the PCM service from running mandatory and background packages. " +
    "Workarounds: turn off automatic start of the PCM client in site properties, or comment out the load= line in Smsrun32.ini. " +
    "The job still runs: the pre-SP2 Pcmwin32 runs background jobs itself (Q165147), in the logged-on user's context rather than the service account's, so it is a warning, not a blocker.",
  appliesTo: ({ hasRunPhase, isServiceJob }) => hasRunPhase && isServiceJob,
  checkTarget(computer) {
    if (!isPcmServicePlatform(computer.platform) || !computer.isPcmServiceInstalled) return false;
    return computer.isPcmwin32AutoStart ?? AUTO_START_NOT_RECORDED;
  },
  message: (count, total) =>
    `${ofTargets(count, total)} load Pcmwin32 at logon with pre-SP2 PCM: a loaded Pcmwin32 prevents the PCM service from running mandatory/background jobs; disable PCM auto-start or the Smsrun32.ini load line.`,
  fix: () => ({ form: "computer", field: "isPcmwin32AutoStart", text: "Stop Pcmwin32 loading at logon (site client settings, or the load= line in Smsrun32.ini), or update the clients to SP2." }),
};

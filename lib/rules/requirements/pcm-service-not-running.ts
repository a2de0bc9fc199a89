import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";
import { desktopRunsServiceJobs, isPcmServicePlatform } from "../target-helpers";

/** R63 (Q166765, Q238315, Q174939): the PCM service must be installed, configured and running on the target. */
export const pcmServiceNotRunning: TargetRule = {
  kind: "target",
  code: "R63",
  title: "PCM service installed and running",
  severity: "error",
  scope: "target",
  gate: null,
  sources: ["Q166765", "Q238315", "Q174939"],
  why:
    "Only Pcmsvc32 runs System (Background) tasks; Pcmwin32 logs 'marked for service-only execution, skipping it'. " +
    "A Windows NT client (Intel or Alpha; R61 covers MIPS, which has no service) without the service installed and running never runs the job (LISTNT /NOPCM lists such machines).",
  appliesTo: ({ hasRunPhase, isServiceJob }) => hasRunPhase && isServiceJob,
  checkTarget: (computer) => isPcmServicePlatform(computer.platform) && (!computer.isPcmServiceInstalled || !computer.isPcmServiceRunning),
  blocksRun: {
    because: "the PCM service is not installed and running, and the desktop PCM skips service-only packages",
    // Before SP2 a loaded Pcmwin32 runs background jobs itself (Q165147).
    when: (computer) => !desktopRunsServiceJobs(computer),
  },
  message: (count, total) => `${ofTargets(count, total)} do not have the PCM service installed and running: the PCM service must be installed, configured and running on the target.`,
  fix: () => ({ form: "computer", field: "isPcmServiceRunning", text: "Install the PCM service with RSERVICE /INSTALL and start it (NET START SMS_PACKAGE_COMMAND_MANAGER_NT), then record it." }),
};

import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";
import { isWindowsNt } from "../target-helpers";

/** R70 (Q167114, Q181118, Q191329, Q126644): the PCM service account's rights. */
export const pcmServiceAccountRights: TargetRule = {
  kind: "target",
  code: "R70",
  title: "PCM service account rights",
  severity: "error",
  scope: "target",
  gate: null,
  sources: ["Q167114", "Q181118", "Q191329", "Q126644"],
  why:
    "Pcmsvc32 runs as its service account: it must be a local administrator to install, hold 'Log on as a service' to start, " +
    "and have domain-user read access to PCMINS.BOX on the logon server and to the package share. Without any of these the service cannot run the job.",
  appliesTo: ({ hasRunPhase, isServiceJob }) => hasRunPhase && isServiceJob,
  // Checked whether or not the service is installed yet: a machine missing both is told both at once (with R63),
  // not one after the other.
  checkTarget: (computer) => isWindowsNt(computer.platform) && !(computer.pcmServiceAccountIsLocalAdmin && computer.pcmServiceAccountCanLogOnAsService && computer.pcmServiceAccountCanReadShares),
  message: (count, total) =>
    `${ofTargets(count, total)} lack service-account rights: the PCM service account needs local administrator rights, 'Log on as a service', and domain-user read access to the instruction file and the package share.`,
  fix: () => ({ form: "computer", field: "pcmServiceAccountIsLocalAdmin", text: "Grant the account local Administrators membership and 'Log on as a service' (RSERVICE does both) and read access to SMS_SHR and the package share." }),
};

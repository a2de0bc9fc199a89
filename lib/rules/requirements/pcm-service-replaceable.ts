import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";

const ACCESS_NOT_RECORDED = unknownFact("whether users are local administrators or can write to the Pcmsvc32 directory is not recorded");

/** R72 (Q181118): users must not be able to replace Pcmsvc32.exe. */
export const pcmServiceReplaceable: TargetRule = {
  kind: "target",
  code: "R72",
  title: "Users cannot replace Pcmsvc32.exe",
  severity: "warning",
  scope: "target",
  gate: null,
  sources: ["Q181118"],
  why:
    "Whoever can replace Pcmsvc32.exe runs code as the service account, a local administrator with domain read rights. " +
    "Q181118: users of PCM-service computers should not be local administrators, and the service directory must be protected.",
  appliesTo: ({ hasRunPhase, isServiceJob }) => hasRunPhase && isServiceJob,
  checkTarget(computer) {
    if (!computer.isPcmServiceInstalled) return false;
    if (computer.usersAreLocalAdministrators === true || computer.isPcmServiceDirectoryUserWritable === true) return true;
    return computer.usersAreLocalAdministrators === null || computer.isPcmServiceDirectoryUserWritable === null ? ACCESS_NOT_RECORDED : false;
  },
  message: (count, total) => `${ofTargets(count, total)} let users replace Pcmsvc32.exe: users could replace Pcmsvc32.exe and run code as the service account.`,
  fix: () => ({ form: "computer", field: "usersAreLocalAdministrators", text: "Remove users from the local Administrators group and protect the Pcmsvc32 directory, then record it." }),
};

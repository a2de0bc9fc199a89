import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { commandLineField, ofTargets } from "../subjects";
import { isWindowsNt } from "../target-helpers";

const LOGON_NOT_RECORDED = unknownFact("whether anyone logs on is not recorded");
const ADMIN_NOT_RECORDED = unknownFact("whether the users are local administrators, or whether the program needs administrator rights, is not recorded");

/** R2 (Q238315, Q166765, Q167114): without System (Background) Task the desktop PCM needs a logged-on local administrator. */
export const desktopJobWithoutUserRights: TargetRule = {
  kind: "target",
  code: "R2",
  title: "Unattended or admin installs need System (Background) Task",
  severity: "error",
  scope: "target",
  gate: null,
  sources: ["Q238315", "Q166765", "Q167114"],
  why:
    "A command line without System (Background) Task is run by the desktop PCM, an application that starts when a user logs on and runs programs in that user's security context. " +
    "On a computer nobody logs on to it never runs; on Windows NT, an install that needs administrator rights fails when the user is not a local administrator.",
  appliesTo: ({ hasRunPhase, isServiceJob }) => hasRunPhase && !isServiceJob,
  checkTarget(computer, { commandLine }) {
    if (computer.hasInteractiveUsers === false) return true;
    const needsAdministrator = commandLine?.requiresAdministratorRights ?? null;
    if (isWindowsNt(computer.platform) && needsAdministrator !== false && computer.usersAreLocalAdministrators !== true) {
      return needsAdministrator === true && computer.usersAreLocalAdministrators === false ? true : ADMIN_NOT_RECORDED;
    }
    return computer.hasInteractiveUsers === null ? LOGON_NOT_RECORDED : false;
  },
  blocksRun: { because: "nobody logs on to it, so the desktop PCM never starts there", when: (computer) => computer.hasInteractiveUsers === false },
  message: (count, total) =>
    `${ofTargets(count, total)} have nobody logged on, or users who are not local administrators: without 'System (Background) Task' the desktop PCM runs this in the foreground and needs a logged-on local administrator.`,
  fix: ({ commandLineIndex }) => ({ form: "package", field: commandLineField(commandLineIndex, "isSystemTask"), value: true, text: "Tick 'System (Background) Task' so the PCM service runs it." }),
};

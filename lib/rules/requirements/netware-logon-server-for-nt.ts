import { isNetwareServer, logonServerOf } from "../job-facts";
import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";
import { isWindowsNt } from "../target-helpers";

const LOGON_SERVER_UNKNOWN = unknownFact("logon server not recorded or not in the console's server list");

/** R64 (Q192824, Q269775): Windows NT clients must use Windows NT logon servers. */
export const netwareLogonServerForNt: TargetRule = {
  kind: "target",
  code: "R64",
  title: "Windows NT clients need Windows NT logon servers",
  severity: "error",
  scope: "target",
  gate: null,
  sources: ["Q192824", "Q269775"],
  why: "SMS supports Windows NT clients only through Windows NT logon servers; PCM on an NT client served by a NetWare logon server does not get its instructions.",
  appliesTo: ({ hasRunPhase }) => hasRunPhase,
  checkTarget(computer, { context }) {
    if (!isWindowsNt(computer.platform)) return false;
    const logonServer = logonServerOf(computer, context);
    return logonServer === null ? LOGON_SERVER_UNKNOWN : isNetwareServer(logonServer);
  },
  message: (count, total) => `${ofTargets(count, total)} are Windows NT clients with a NetWare logon server: Windows NT clients must use Windows NT logon servers.`,
  fix: () => ({ form: "computer", field: "logonServer", text: "Serve these clients from a Windows NT logon server." }),
};

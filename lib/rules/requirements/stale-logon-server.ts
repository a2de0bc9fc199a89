import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";

const LOGON_SERVER_NOT_RECORDED = unknownFact("logon server not recorded");
const LOGON_SERVER_NOT_KNOWN = unknownFact("logon server not in the console's server list");

/** R77 (Q153408, Q153571, Q191293): PCM polls the logon server in Sms.ini; a stale one never has the instruction file. */
export const staleLogonServer: TargetRule = {
  kind: "target",
  code: "R77",
  title: "Stale or unknown logon server",
  severity: "warning",
  scope: "target",
  gate: null,
  sources: ["Q153408", "Q153571", "Q191293"],
  why:
    "PCM reads <SMSID>.INS from its current logon server, taken from Sms.ini. After a site or domain move the old servers stay in Sms.ini, and the 1.2 PCM service before SP4 " +
    "does not try another logon server when the file is missing. A recorded logon server of another site, or one that is no longer a logon server, never gets this job's instructions.",
  appliesTo: ({ hasRunPhase }) => hasRunPhase,
  checkTarget(computer, { context }) {
    if (computer.logonServer === null) return LOGON_SERVER_NOT_RECORDED;
    const server = context.servers.get(computer.logonServer);
    if (!server) return LOGON_SERVER_NOT_KNOWN;
    return !server.isLogonServer || server.siteCode !== computer.siteCode;
  },
  message: (count, total) =>
    `${ofTargets(count, total)} use a logon server of another site or one that is no longer a logon server: PCM may poll an old logon server and never see the instruction file.`,
  fix: () => ({ form: "computer", field: "logonServer", text: "Refresh the clients' Sms.ini logon-server list (run SMSLS or client setup again), then record the current logon server." }),
};

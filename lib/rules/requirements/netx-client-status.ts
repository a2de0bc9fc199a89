import { isNetwareServer, logonServerOf } from "../job-facts";
import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";

const LOGON_SERVER_UNKNOWN = unknownFact("logon server not recorded or not in the console's server list");
const NETX_NOT_RECORDED = unknownFact("whether the NetWare client uses NETX is not recorded");

/** R80 (Q160775): PCMDOS and PCMWIN16 on NETX cannot write job status back. */
export const netxClientStatus: TargetRule = {
  kind: "target",
  code: "R80",
  title: "Status from NetWare NETX clients",
  severity: "info",
  scope: "target",
  gate: null,
  sources: ["Q160775"],
  why:
    "PCMDOS and PCMWIN16 write job status to \\\\<logon server>\\SMS\\Logon.srv\\Despoolr.box by UNC path, which the NetWare NETX shell cannot do: " +
    "the job runs but its status never reaches the site.",
  appliesTo: ({ hasRunPhase }) => hasRunPhase,
  checkTarget(computer, { context }) {
    if (computer.platform !== "DOS5" && computer.platform !== "DOS6" && computer.platform !== "WIN16") return false;
    const logonServer = logonServerOf(computer, context);
    if (logonServer === null) return LOGON_SERVER_UNKNOWN;
    if (!isNetwareServer(logonServer)) return false;
    return computer.isNetwareNetxClient ?? NETX_NOT_RECORDED;
  },
  message: (count, total) => `${ofTargets(count, total)} are NetWare NETX clients: job status from NETX clients is not written back (UNC writes fail).`,
  fix: () => ({ form: "computer", field: "isNetwareNetxClient", text: "Move these clients to the VLM requester (or an NT logon server) if job status matters." }),
};

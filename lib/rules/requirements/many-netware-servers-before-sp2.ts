import { logonServerOf, isNetwareServer } from "../job-facts";
import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";

const MAX_LISTED_SERVERS = 10;
const LOGON_SERVER_UNKNOWN = unknownFact("logon server not recorded or not in the console's server list");

/** R58 (Q161310): NetWare clients of 1.2 before SP2 may not find a package on more than 10 NetWare servers. */
export const manyNetwareServersBeforeSp2: TargetRule = {
  kind: "target",
  code: "R58",
  title: "More than 10 NetWare distribution servers (before SP2)",
  severity: "warning",
  scope: "target",
  gate: { against: "client", versions: ["1.2"], beforeServicePack: 2 },
  sources: ["Q161310"],
  why:
    "The instruction record lists at most 10 package servers; PCM then checks its logon server by explicit path, 'even if it is not in the list'. " +
    "For NetWare logon servers SMS 1.2 before SP2 used the wrong path (\\\\server\\volume\\pcmpkg.src\\<package> instead of …\\SMS\\logon.srv\\pcmpkg.src\\<package>), so those clients may not find the package.",
  appliesTo: ({ hasRunPhase, netwareDistributionServerCount }) => hasRunPhase && netwareDistributionServerCount > MAX_LISTED_SERVERS,
  checkTarget(computer, { context }) {
    const logonServer = logonServerOf(computer, context);
    return logonServer === null ? LOGON_SERVER_UNKNOWN : isNetwareServer(logonServer);
  },
  message: (count, total) => `${ofTargets(count, total)} are NetWare clients of SMS 1.2 before SP2: NetWare clients may not find the package (wrong logon-server path).`,
  fix: () => ({ form: "job", field: "distributePhase.serverGroupId", text: "Distribute to at most 10 NetWare servers, including the clients' logon servers." }),
};

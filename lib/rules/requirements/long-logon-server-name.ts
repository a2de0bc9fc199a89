import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";

const LOGON_SERVER_UNKNOWN = unknownFact("logon server (or its Macintosh zone) not recorded");
/** Q126643: 1.0 clients; Q128456: 1.1 Windows 3.1 clients; Q149960: Macintosh zone@server. */
const MAX_NAME_SMS_10 = 12;
const MAX_NAME_SMS_11_WIN16 = 11;
const MAX_MACINTOSH_ADDRESS = 31;

/** R78 (Q126643, Q128456, Q149960): long logon-server names break PCM on old clients. */
export const longLogonServerName: TargetRule = {
  kind: "target",
  code: "R78",
  title: "Long logon server names on old clients",
  severity: "warning",
  scope: "target",
  gate: { against: "client", versions: ["1.0", "1.1"] },
  sources: ["Q126643", "Q128456", "Q149960"],
  why:
    "SMS 1.0 clients fail with logon-server names over 12 characters, SMS 1.1 Windows 3.1 clients with names over 11, " +
    "and Macintosh clients when zone and server together exceed 31 characters. SMS 1.1 and 1.2 fixed these in turn.",
  appliesTo: ({ hasRunPhase }) => hasRunPhase,
  checkTarget(computer, { context }) {
    const name = computer.logonServer;
    if (name === null) return LOGON_SERVER_UNKNOWN;
    if (computer.smsClientVersion === "1.0" && name.length > MAX_NAME_SMS_10) return true;
    if (computer.smsClientVersion === "1.1" && computer.platform === "WIN16" && name.length > MAX_NAME_SMS_11_WIN16) return true;
    if (computer.platform !== "MACINTOSH") return false;
    const zone = context.servers.get(name)?.macintoshZone ?? null;
    return zone === null ? LOGON_SERVER_UNKNOWN : `${zone}@${name}`.length > MAX_MACINTOSH_ADDRESS;
  },
  message: (count, total) => `${ofTargets(count, total)} are old clients with a long logon server name: long server names break PCM connections on these client versions.`,
  fix: () => ({ form: "computer", field: "logonServer", text: "Give these clients a logon server with a short name, or upgrade them to SMS 1.2." }),
};

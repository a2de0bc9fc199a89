import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";

/** R36 (Q188042): before SP4 every PCM that sees an expired job writes .sni files to its logon server. */
export const expirySniFlood: TargetRule = {
  kind: "target",
  code: "R36",
  title: "Expiring jobs flood logon servers before SP4",
  severity: "warning",
  scope: "target",
  gate: { against: "client", versions: ["1.0", "1.1", "1.2"], beforeServicePack: 4 },
  sources: ["Q188042"],
  why:
    "Each PCM (Pcmwin16, Pcmwin32, Pcmsvc32) that detects an expired job in its instruction file writes a .sni to have it removed, at every poll. " +
    "With many clients this floods the logon servers (Server service at 100% CPU), worse when Maintenance Manager is stopped. Fixed in SP4; cancelling the job removes the instruction instead. " +
    "Gated on each client's PCM version, since the client writes the files.",
  appliesTo: ({ hasRunPhase, expireAfter }) => hasRunPhase && expireAfter !== null,
  checkTarget: () => true,
  message: (count, total) =>
    `${ofTargets(count, total)} run PCM before SMS 1.2 SP4: expired jobs make every PCM write .sni files to the logon servers (possible logon-server flood); prefer cancelling the job when it is no longer needed.`,
  fix: () => ({ form: "job", field: "runPhase.isExpiring", value: false, text: "Untick Expire After and cancel the job when it is no longer needed." }),
};

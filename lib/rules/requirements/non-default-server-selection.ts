import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";

const SETTING_NOT_RECORDED = unknownFact("Sms.ini DisableRandomPCMServers not recorded");

/** R82 (Q180151, Q195944): non-default distribution-server selection. */
export const nonDefaultServerSelection: TargetRule = {
  kind: "target",
  code: "R82",
  title: "Non-default distribution-server selection",
  severity: "info",
  scope: "target",
  gate: null,
  sources: ["Q180151", "Q195944"],
  why:
    "DisableRandomPCMServers changes how PCM picks a distribution server. It works only with the SP4 or hotfixed 32-bit PCM (preferred servers need a further 32-bit hotfix), " +
    "and LOCALONLY or PREFERREDONLY can leave a package unreachable when the allowed servers do not hold it. Microsoft recommends leaving it unset.",
  appliesTo: ({ hasRunPhase }) => hasRunPhase,
  checkTarget: (computer) => (computer.disableRandomPcmServers === null ? SETTING_NOT_RECORDED : computer.disableRandomPcmServers !== "RANDOM"),
  message: (count, total) =>
    `${ofTargets(count, total)} set DisableRandomPCMServers: non-default server selection only works with the SP4/hotfix 32-bit PCM; LOCALONLY/PREFERREDONLY can make packages unreachable.`,
  fix: () => ({ form: "computer", field: "disableRandomPcmServers", text: "Check these clients' allowed servers hold the package, or remove DisableRandomPCMServers from their Sms.ini." }),
};

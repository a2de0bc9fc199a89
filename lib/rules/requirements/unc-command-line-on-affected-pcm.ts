import { hasUncPath } from "../command-line-text";
import type { TargetRule } from "../rule";
import { commandLineField, ofTargets } from "../subjects";
import { isPcmServicePlatform, lacksHotfix } from "../target-helpers";

/** R9 (Q168341, Q195937, Q191341): UNC command lines fail on Pcmwin16 and on the SP4 PCM service without its hotfix. */
export const uncCommandLineOnAffectedPcm: TargetRule = {
  kind: "target",
  code: "R9",
  title: "UNC command lines on 16-bit PCM and the SP4 PCM service",
  severity: "warning",
  scope: "target",
  gate: null,
  versionNote: "Pcmwin16 clients (desktop jobs); SMS 1.2 SP4 PCM service clients without Q195937 (service jobs)",
  sources: ["Q168341", "Q195937", "Q191341"],
  why:
    "Pcmwin16 (Windows 3.x, Windows for Workgroups, Windows 95) cannot run a command line that names a UNC path, and the SMS 1.2 SP4 PCM service fails on one until the Q195937 hotfix. " +
    "From SP3, PCM sets %PCMUNC% to the package directory's UNC, which Ntencap can use (/NTu).",
  appliesTo: ({ hasRunPhase, commandLine }) => hasRunPhase && commandLine !== null && hasUncPath(commandLine.commandLine),
  checkTarget(computer, { isServiceJob }) {
    if (!isServiceJob) return computer.pcmVariant === "PCMWIN16";
    const isSp4Service = isPcmServicePlatform(computer.platform) && computer.smsClientVersion === "1.2" && computer.smsClientServicePack === 4;
    return isSp4Service ? lacksHotfix(computer, "Q195937") : false;
  },
  message: (count, total) =>
    `${ofTargets(count, total)} run Pcmwin16 or the SP4 PCM service without the fix: UNC command lines fail on 16-bit PCM and on the SP4 PCM service; on SP3+ use %PCMUNC% with Ntencap (/NTu).`,
  fix: ({ commandLineIndex }) => ({ form: "package", field: commandLineField(commandLineIndex, "commandLine"), text: "Use a path relative to the package, or Ntencap.exe /NTu %PCMUNC%<program> on SP3+ clients." }),
};

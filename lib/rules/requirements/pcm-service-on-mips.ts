import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";

/** R62 (inferred from Q180151, Q195944, Q174939): no PCM-service builds or hotfixes exist for MIPS. */
export const pcmServiceOnMips: TargetRule = {
  kind: "target",
  code: "R62",
  title: "No PCM service for MIPS",
  severity: "warning",
  scope: "target",
  gate: null,
  sources: ["Q180151", "Q195944", "Q174939"],
  why:
    "Q167114 names Intel and Alpha for the PCM service, the service hotfixes ship only x86 and Alpha binaries, and LISTNT filters only /X86 or /ALPHA. " +
    "The digest infers that MIPS computers have no supported service.",
  appliesTo: ({ hasRunPhase, isServiceJob }) => hasRunPhase && isServiceJob,
  checkTarget: (computer) => computer.platform === "WIN32_MIPS",
  message: (count, total) => `${ofTargets(count, total)} are MIPS computers: no PCM-service builds/hotfixes exist for MIPS.`,
  fix: ({ commandLine }) => ({
    form: "job",
    field: "target.platforms",
    value: (commandLine?.supportedPlatforms ?? []).filter((platform) => platform === "WIN32_X86" || platform === "WIN32_ALPHA"),
    text: "Leave MIPS computers out of the target, or run the command with the desktop PCM there.",
  }),
};

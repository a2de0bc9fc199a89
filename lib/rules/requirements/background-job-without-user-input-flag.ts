import type { TargetRule } from "../rule";
import { commandLineField, ofTargets } from "../subjects";
import { isPcmServicePlatform } from "../target-helpers";

/** R5 (Q174933): SP3 runs non-mandatory background jobs only when the PDF set UserInputRequired=FALSE. */
export const backgroundJobWithoutUserInputFlag: TargetRule = {
  kind: "target",
  code: "R5",
  title: "Non-mandatory background jobs need UserInputRequired=FALSE (SP3)",
  severity: "error",
  scope: "target",
  gate: { against: "client", versions: ["1.2"], fromServicePack: 3 },
  sources: ["Q174933"],
  why:
    "The SMS 1.2 SP3 PCM service also runs a background job that is not mandatory, but only when the command line has SystemTask=TRUE, the PDF defines UserInputRequired=FALSE " +
    "(a setting only a PDF can make), and the offer time has passed. Otherwise the job is never run.",
  appliesTo: ({ hasRunPhase, isServiceJob, isMandatory, commandLine }) =>
    hasRunPhase && isServiceJob && !isMandatory && commandLine?.isUserInputRequired !== false,
  checkTarget: (computer) => isPcmServicePlatform(computer.platform),
  blocksRun: { because: "its SP3+ PCM service runs a non-mandatory background job only when the PDF sets UserInputRequired=FALSE" },
  message: (count, total) =>
    `${ofTargets(count, total)} run the SP3+ PCM service: non-mandatory background jobs run only if the PDF defines UserInputRequired=FALSE (PDF-only setting), SystemTask=TRUE, and the offer time has passed.`,
  fix: ({ commandLineIndex }) => ({
    form: "package",
    field: commandLineField(commandLineIndex, "isUserInputRequired"),
    value: false,
    text: "Import a PDF that sets UserInputRequired=FALSE for this command line, or make the job mandatory.",
  }),
};

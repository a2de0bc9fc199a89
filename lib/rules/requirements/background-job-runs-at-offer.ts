import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";
import { isPcmServicePlatform } from "../target-helpers";

/** R6 (Q174933): an SP3 service runs a non-mandatory background job at Offer After. */
export const backgroundJobRunsAtOffer: TargetRule = {
  kind: "target",
  code: "R6",
  title: "Non-mandatory background jobs run at Offer After (SP3)",
  severity: "info",
  scope: "target",
  gate: { against: "client", versions: ["1.2"], fromServicePack: 3 },
  sources: ["Q174933", "Q229809"],
  why:
    "With UserInputRequired=FALSE and System (Background) Task, the SP3 PCM service runs a job that is not mandatory as soon as its offer time has passed, " +
    "so Offer After is when it runs. The same feature re-runs old packages when PCM's local history is lost (Q229809).",
  appliesTo: ({ hasRunPhase, isServiceJob, isMandatory, commandLine }) =>
    hasRunPhase && isServiceJob && !isMandatory && commandLine?.isUserInputRequired === false,
  checkTarget: (computer) => isPcmServicePlatform(computer.platform),
  message: (count, total, { offerAfter }) => `${ofTargets(count, total)} will run it at the Offer After time${offerAfter ? ` (${offerAfter})` : ""} (SP3 behaviour), not at a mandatory time.`,
  fix: () => ({ form: "job", field: "runPhase.offerAfter", text: "Make sure Offer After is when the command should run, or make the job mandatory." }),
};

import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";
import { desktopRunsServiceJobs, isPcmServicePlatform } from "../target-helpers";

/** R4 (Q174933): before SMS 1.2 SP3 the PCM service never runs a background job without Mandatory After. */
export const backgroundJobNotMandatoryBeforeSp3: TargetRule = {
  kind: "target",
  code: "R4",
  title: "Background jobs need Mandatory After before SP3",
  severity: "error",
  scope: "target",
  gate: { against: "client", versions: ["1.0", "1.1", "1.2"], beforeServicePack: 3 },
  sources: ["Q174933", "Q166765"],
  why:
    "The PCM service runs a System (Background) job at its Mandatory After time. Before SMS 1.2 SP3 it ignores a background job that is not mandatory: " +
    "the job is never executed and no failure is logged. SP3 added running non-mandatory background jobs at the offer time (R5, R6).",
  appliesTo: ({ hasRunPhase, isServiceJob, isMandatory }) => hasRunPhase && isServiceJob && !isMandatory,
  checkTarget: (computer) => isPcmServicePlatform(computer.platform),
  blocksRun: {
    because: "its PCM service (before SMS 1.2 SP3) never runs a background job without Mandatory After",
    // Before SP2 a loaded Pcmwin32 offers background jobs like any other (Q165147).
    when: (computer) => !desktopRunsServiceJobs(computer),
  },
  message: (count, total) =>
    `${ofTargets(count, total)} run the PCM service before SMS 1.2 SP3: background jobs without 'Mandatory After' are never executed by the PCM service (and no failure is logged) before SMS 1.2 SP3.`,
  fix: () => ({ form: "job", field: "runPhase.isMandatory", value: true, text: "Tick Mandatory After and set its date." }),
};

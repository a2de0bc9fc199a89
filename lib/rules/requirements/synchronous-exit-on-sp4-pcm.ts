import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";
import { lacksHotfix } from "../target-helpers";

/** R25 (Q193784): SP4 PCM may dim the Execute button for SynchronousSystemExitRequired packages. */
export const synchronousExitOnSp4Pcm: TargetRule = {
  kind: "target",
  code: "R25",
  title: "SynchronousSystemExitRequired on SP4 PCM without the fix",
  severity: "warning",
  scope: "target",
  gate: { against: "client", versions: ["1.2"], fromServicePack: 4 },
  versionNote: "clients: SMS 1.2 SP4 without Q193784",
  sources: ["Q193784"],
  why:
    "With SynchronousSystemExitRequired=TRUE in the PDF, the SMS 1.2 SP4 desktop PCM can leave the Execute button dimmed and block later jobs until the Q193784 fix. " +
    "A mandatory job is run without the button; the service has no button, so only desktop jobs are checked.",
  appliesTo: ({ hasRunPhase, isServiceJob, isMandatory, commandLine }) =>
    hasRunPhase && !isServiceJob && !isMandatory && commandLine?.isSynchronousSystemExitRequired === true,
  checkTarget: (computer) => lacksHotfix(computer, "Q193784"),
  message: (count, total) => `${ofTargets(count, total)} run SP4 PCM without the fix: SP4 PCM may dim the Execute button and stall later jobs for such packages; make the job mandatory.`,
  fix: () => ({ form: "job", field: "runPhase.isMandatory", value: true, text: "Make the job mandatory (or install the Q193784 fix, or remove SynchronousSystemExitRequired)." }),
};

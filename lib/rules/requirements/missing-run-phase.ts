import type { JobFacts } from "../job-facts";
import type { JobRule } from "../rule";
import { jobSubject } from "../subjects";

const MESSAGE =
  "Select 'Run Workstation Command' and a workstation command line; jobs without a run phase may never go active/complete (parent→child).";

function problemOf({ definition, commandLine }: JobFacts): string | null {
  if (!definition.runPhase.isEnabled) return "the run phase is off";
  if (definition.runPhase.commandLineId === undefined) return "no workstation command line is chosen";
  if (!commandLine) return "the chosen workstation command line is not in the package";
  return null;
}

/** R31 (Q166765, Q174462, Q186414): a Run Command On Workstation job needs its run phase and a command line. */
export const missingRunPhase: JobRule = {
  kind: "job",
  code: "R31",
  title: "A run phase with a workstation command line",
  severity: "error",
  scope: "job",
  gate: null,
  sources: ["Q166765", "Q174462", "Q186414"],
  why:
    "Clients run only what the run phase names: without 'Run Workstation Command' and a command line no instruction record reaches PCM. " +
    "Such jobs sent from a parent to a child site may also never go Active or Complete.",
  check(facts) {
    const problem = problemOf(facts);
    if (!problem) return null;
    const isOff = !facts.definition.runPhase.isEnabled;
    return {
      finding: {
        message: `${MESSAGE} Here ${problem}.`,
        subjects: [jobSubject(facts.context.job.jobId)],
        fix: isOff
          ? { form: "job", field: "runPhase.isEnabled", value: true, text: "Tick 'Run Workstation Command' and choose the command line." }
          : { form: "job", field: "runPhase.commandLineId", text: "Choose the workstation command line to run." },
      },
    };
  },
  blocksRun(facts) {
    const problem = problemOf(facts);
    return problem ? `The job has no run phase: ${problem}.` : null;
  },
};

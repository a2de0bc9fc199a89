import type { JobRule } from "../rule";
import { jobSubject } from "../subjects";

/** R43 (Q154931, Q191317): "Not Mandatory over Slow Link" was never implemented in SMS 1.x. */
export const notMandatoryOverSlowLink: JobRule = {
  kind: "job",
  code: "R43",
  title: '"Not Mandatory over Slow Link" was never implemented',
  severity: "warning",
  scope: "job",
  gate: null,
  sources: ["Q154931", "Q191317"],
  why:
    "The option writes Install Flag 2 into the instruction record, but no PCM in SMS 1.0, 1.1 or 1.2 honours it: mandatory jobs run over slow links anyway. " +
    "SP4 removed the check box.",
  check({ context, definition }) {
    if (!definition.runPhase.isEnabled || !definition.runPhase.notMandatoryOverSlowLink) return null;
    const slowCount = context.targets.filter((target) => target.networkLink === "SLOW").length;
    return {
      finding: {
        message: `SMS 1.x never implemented 'Not Mandatory over Slow Link'; mandatory jobs run over slow links (option removed in SP4). ${slowCount} target${slowCount === 1 ? " is" : "s are"} on a slow link.`,
        subjects: [jobSubject(context.job.jobId)],
        fix: { form: "job", field: "runPhase.notMandatoryOverSlowLink", value: false, text: "Untick 'Not Mandatory over Slow Link'; target slow-link computers with a separate, non-mandatory job." },
      },
    };
  },
};

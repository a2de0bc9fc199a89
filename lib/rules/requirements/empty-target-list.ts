import type { JobRule } from "../rule";
import { jobSubject } from "../subjects";

/** R48 (Q122180): an empty target list fails the job (event 323). */
export const emptyTargetList: JobRule = {
  kind: "job",
  code: "R48",
  title: "Empty target list",
  severity: "error",
  scope: "job",
  gate: null,
  sources: ["Q122180"],
  why: "At activation the Scheduler resolves the target (after Limit To Sites and the filters); when no machine is left the job fails with event 323.",
  check({ context }) {
    if (context.targets.length > 0) return null;
    return {
      finding: {
        message: "The job would fail: target list is empty (event 323).",
        subjects: [jobSubject(context.job.jobId)],
        fix: { form: "job", field: "target.kind", text: "Choose a target that resolves to at least one computer (check Limit To Sites and the platform and PCM filters)." },
      },
    };
  },
};

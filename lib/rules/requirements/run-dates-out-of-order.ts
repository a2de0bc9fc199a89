import type { JobRule } from "../rule";
import { jobSubject } from "../subjects";

/** R34 (field semantics of Q123499, Q166765): Offer After ≤ Mandatory After < Expire After. */
export const runDatesOutOfOrder: JobRule = {
  kind: "job",
  code: "R34",
  title: "Offer After ≤ Mandatory After < Expire After",
  severity: "error",
  scope: "job",
  gate: null,
  sources: ["Q123499", "Q166765"],
  why:
    "A package is offered at Offer After (Display Date), becomes mandatory at Mandatory After (Install By Date) and is removed at Expire After. " +
    "A mandatory time before the offer, or an expiry at or before either, leaves no moment at which the package is offered and still valid. (Ordering inferred from the field meanings.)",
  check({ context, definition, offerAfter, mandatoryAfter, expireAfter }) {
    if (!definition.runPhase.isEnabled) return null;
    const problems: { text: string; field: string }[] = [];
    if (offerAfter && mandatoryAfter && offerAfter > mandatoryAfter) problems.push({ text: "Offer After is later than Mandatory After", field: "runPhase.mandatoryAfter" });
    if (mandatoryAfter && expireAfter && mandatoryAfter >= expireAfter) problems.push({ text: "Mandatory After is not before Expire After", field: "runPhase.expireAfter" });
    if (offerAfter && expireAfter && offerAfter >= expireAfter) problems.push({ text: "Offer After is not before Expire After", field: "runPhase.expireAfter" });
    const first = problems[0];
    if (!first) return null;
    return {
      finding: {
        message: `Dates must satisfy Offer After ≤ Mandatory After < Expire After: ${problems.map((problem) => problem.text).join("; ")}.`,
        subjects: [jobSubject(context.job.jobId)],
        fix: { form: "job", field: first.field, text: "Correct the run-phase dates so the offer comes first and the expiry last." },
      },
    };
  },
};

import type { JobRule } from "../rule";
import { jobSubject } from "../subjects";

/** R22 (Q160567, Q135129): changed source files reach sites only through "even if previously sent". */
export const changedSourceNotResent: JobRule = {
  kind: "job",
  code: "R22",
  title: 'Changed source needs "even if previously sent"',
  severity: "warning",
  scope: "job",
  gate: null,
  sources: ["Q160567", "Q135129"],
  why:
    "Editing package properties updates the package at all sites, but the source files travel only in the compressed package. " +
    "A new job reuses the copy already compressed unless its Send Phase selects 'even if previously sent', so sites keep the old files.",
  check({ context, definition }) {
    const send = definition.sendPhase;
    if (send.isEnabled && send.evenIfPreviouslySent) return null;
    const changed = context.package.hasSourceChangedSinceLastSend;
    if (changed === null) return { notChecked: "whether the package source changed since it was last sent is not recorded" };
    if (!changed) return null;
    return {
      finding: {
        message: "The package source changed since it was last sent: source changes are only sent when the Send Phase uses 'even if previously sent'.",
        subjects: [jobSubject(context.job.jobId)],
        fix: send.isEnabled
          ? { form: "job", field: "sendPhase.evenIfPreviouslySent", value: true, text: "Tick 'even if previously sent'." }
          : { form: "job", field: "sendPhase.isEnabled", value: true, text: "Turn on the Send Phase and tick 'even if previously sent'." },
      },
    };
  },
};

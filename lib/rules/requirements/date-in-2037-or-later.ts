import type { JobRule } from "../rule";
import { jobSubject } from "../subjects";

const FIRST_BAD_YEAR = "2037";

/** R46 (Q151648, Q202003): dates in 2037 or later crash SMS services and PCM. */
export const dateIn2037OrLater: JobRule = {
  kind: "job",
  code: "R46",
  title: "Dates in 2037 or later",
  severity: "error",
  scope: "job",
  gate: null,
  sources: ["Q151648", "Q202003"],
  why: "SMS services and pcmwin32.exe crash on dates in 2037 or later (the C run-time's time_t range), so such a date must never reach an instruction file.",
  check({ context, definition, offerAfter, mandatoryAfter, expireAfter }) {
    if (!definition.runPhase.isEnabled) return null;
    const dates = [
      { label: "Offer After", field: "runPhase.offerAfter", value: offerAfter },
      { label: "Mandatory After", field: "runPhase.mandatoryAfter", value: mandatoryAfter },
      { label: "Expire After", field: "runPhase.expireAfter", value: expireAfter },
    ].filter((date) => date.value !== null && date.value.slice(0, 4) >= FIRST_BAD_YEAR);
    const first = dates[0];
    if (!first) return null;
    return {
      finding: {
        message: `Dates in 2037 or later crash SMS services and PCM: ${dates.map((date) => `${date.label} ${date.value}`).join(", ")}.`,
        subjects: [jobSubject(context.job.jobId)],
        fix: { form: "job", field: first.field, text: "Use a date before 2037." },
      },
    };
  },
};

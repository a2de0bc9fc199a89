import { epochMsToWallClock, normaliseWallClock, wallClockToEpochMs } from "../../wall-clock";
import type { JobRule } from "../rule";
import { jobSubject } from "../subjects";

const ONE_WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** R33 (Q166765, Q123499): a ticked Mandatory After needs its date. */
export const mandatoryWithoutDate: JobRule = {
  kind: "job",
  code: "R33",
  title: "Mandatory After needs a date",
  severity: "error",
  scope: "job",
  gate: null,
  sources: ["Q166765", "Q123499"],
  why:
    "The instruction record's Install By Date is when the package becomes mandatory; the system time must be on or after it before PCM runs the package. " +
    "Without a date the job cannot become mandatory, and the PCM service never runs it before SP3. SMS suggested one week ahead (Q238315).",
  check({ context, definition }) {
    const run = definition.runPhase;
    if (!run.isEnabled || !run.isMandatory || run.mandatoryAfter) return null;
    const from = normaliseWallClock(run.offerAfter ?? context.now);
    return {
      finding: {
        message: "Set the Mandatory After date.",
        subjects: [jobSubject(context.job.jobId)],
        fix: { form: "job", field: "runPhase.mandatoryAfter", value: epochMsToWallClock(wallClockToEpochMs(from) + ONE_WEEK_MS), text: "Set Mandatory After (SMS suggested one week after the offer)." },
      },
    };
  },
};

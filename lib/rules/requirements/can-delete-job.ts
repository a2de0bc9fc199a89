import type { JobState } from "../../jobs/schema";
import { normaliseWallClock, wallClockToEpochMs } from "../../wall-clock";
import { sortedReview, toFinding } from "../finding";
import type { Finding, NotChecked, OperationReview, OperationRule } from "../rule";
import { jobSubject } from "../subjects";

const RECOMMENDED_WAIT_MS = 48 * 60 * 60 * 1000;

export const deleteActiveJobRule: OperationRule = {
  kind: "operation",
  code: "R83",
  title: "Deleting an active or uncancelled job",
  severity: "error",
  scope: "job",
  gate: null,
  sources: ["Q168130", "Q269768"],
  why:
    "Cancelling a job removes its request from every instruction file; deleting a job does not. A job deleted while active or before it is fully cancelled leaves stale instructions " +
    "in clients' .INS files and can corrupt .sni files (despooler error 38a). Q168130 recommends waiting 48 hours after the cancel before deleting.",
};

export interface DeletableJob {
  jobId: string;
  state: JobState;
  /** When the job reached Cancelled, on the site's wall clock; null when not recorded. */
  canceledAt: string | null;
}

/** R83: whether a job may be deleted now. Not cancelled is an error; cancelled under 48 hours ago a warning. */
export function canDeleteJob(job: DeletableJob, now: string): OperationReview {
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  const subjects = [jobSubject(job.jobId)];
  const fix = { form: "job" as const, field: "state", text: "Cancel the job, wait until it shows Cancelled (48 hours recommended), then delete it." };
  if (job.state !== "CANCELED") {
    findings.push(
      toFinding(deleteActiveJobRule, {
        message: `Job ${job.jobId} is ${job.state.toLowerCase()}: cancel the job and wait until it is Cancelled (48 h recommended) before deleting it; deleting active or uncancelled jobs leaves stale instructions and corrupt .sni files.`,
        subjects,
        fix,
      }),
    );
  } else if (job.canceledAt === null) {
    notChecked.push({ rule: deleteActiveJobRule.code, reason: "when the job was cancelled is not recorded" });
  } else if (wallClockToEpochMs(normaliseWallClock(now)) - wallClockToEpochMs(normaliseWallClock(job.canceledAt)) < RECOMMENDED_WAIT_MS) {
    findings.push(
      toFinding(
        deleteActiveJobRule,
        { message: `Job ${job.jobId} was cancelled less than 48 hours ago (${job.canceledAt}): wait 48 hours before deleting it.`, subjects, fix },
        "warning",
      ),
    );
  }
  return { allowed: !findings.some((finding) => finding.severity === "error"), ...sortedReview(findings, notChecked) };
}

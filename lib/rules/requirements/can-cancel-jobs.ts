import { sortedReview, toFinding } from "../finding";
import type { OperationReview, OperationRule } from "../rule";
import { jobSubject } from "../subjects";

export const cancelSeveralJobsRule: OperationRule = {
  kind: "operation",
  code: "R84",
  title: "Cancelling several jobs at once",
  severity: "warning",
  scope: "job",
  gate: null,
  sources: ["Q168130"],
  why:
    "Each cancel writes one instruction per domain that the despooler applies to every .INS file there. Several cancels at once can corrupt .sni files " +
    "(despooler error code 38a) and leave later jobs Pending; Q168130 advises cancelling one job at a time.",
};

/** R84: cancelling more than one job in one go is a warning, never a block. */
export function canCancelJobs(jobIds: readonly string[]): OperationReview {
  const findings =
    jobIds.length > 1
      ? [
          toFinding(cancelSeveralJobsRule, {
            message: `Cancel one job at a time: ${jobIds.length} jobs are selected.`,
            subjects: jobIds.map(jobSubject),
            fix: { form: "job", field: "state", text: "Cancel the jobs one by one, letting each cancel reach the clients' instruction files first." },
          }),
        ]
      : [];
  return { allowed: true, ...sortedReview(findings, []) };
}

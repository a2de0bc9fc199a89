import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { listSome } from "../console/records";
import { updateJob } from "./job-changes";
import { jobInputOf } from "./job-mapping";
import { reviewSavedJob } from "../review/job-review";
import { authorize } from "../accounts/session";

/**
 * Narrows a Pending job's list-of-computers target by leaving out the computers a finding names
 * (R63's machines without the PCM service, say), instead of changing their inventory. Recorded in
 * the job's History as the rule's fix, with the target before and after.
 */
export async function leaveOutFindingComputers(options: { jobId: string; rule: string; now: string }): Promise<string[]> {
  await authorize("jobs:write", { type: "job", id: options.jobId });
  const result = await reviewSavedJob({ jobId: options.jobId, now: options.now });
  if (!result) throw new DomainError("not_found", `Job ${options.jobId} does not exist`);
  const finding = result.review.findings.find((candidate) => candidate.rule === options.rule);
  const computers = new Set(finding?.subjects.filter((subject) => subject.kind === "computer").map((subject) => subject.id));
  if (computers.size === 0) throw new DomainError("conflict", `${options.rule} names no computer of job ${options.jobId} now; reload the review`);
  const job = await db.job.findUniqueOrThrow({ where: { jobId: options.jobId } });
  const input = jobInputOf(job);
  if (input.target.kind !== "COMPUTERS") {
    throw new DomainError("invalid", "Only a list-of-computers target can leave machines out; narrow this target with a platform or PCM filter", [{ path: "target.platforms", message: "Tick the platforms the job is for" }]);
  }
  const remaining = input.target.smsIds.filter((smsId) => !computers.has(smsId));
  const leftOut = input.target.smsIds.filter((smsId) => computers.has(smsId));
  if (remaining.length === 0) throw new DomainError("invalid", `Leaving out ${listSome(leftOut)} would leave job ${options.jobId} no target`, [{ path: "target.smsIds", message: "The target needs at least one computer" }]);
  await updateJob({ jobId: options.jobId, version: job.version, input: { ...input, target: { ...input.target, smsIds: remaining } }, appliedFix: { rule: options.rule } });
  return leftOut;
}

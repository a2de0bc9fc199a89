import "server-only";
import type { Actor } from "../../access/roles";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { freezeReview, parseReviewAtSend, type ReviewAtSend } from "../../jobs/review-at-send";
import type { JobInput } from "../../jobs/schema";
import { reviewJob, type JobReview } from "../../rules/review-job";
import { recordAudit } from "../audit/audit";
import { asJobState, jobInputOf } from "../jobs/job-mapping";
import { activateJob } from "../jobs/job-lifecycle";
import { buildReviewContext } from "./review-context";
import { authorize } from "../accounts/session";

export interface WarningAcknowledgementDto {
  rule: string;
  reason: string;
  actor: string;
  at: string;
}

export interface JobReviewResult {
  review: JobReview;
  /** The job's version when it was reviewed: Send refuses a job edited since. */
  version: number;
  targetCount: number;
  acknowledgements: WarningAcknowledgementDto[];
  /** Warnings still firing that nobody has acknowledged: Send waits for them. */
  unacknowledgedWarnings: string[];
  errors: string[];
  /** The review as it stood at Send; null while Pending (or for a job sent before reviews were kept). */
  atSend: ReviewAtSend | null;
}

function summarise(review: JobReview, acknowledgements: WarningAcknowledgementDto[]) {
  const acknowledged = new Set(acknowledgements.map((entry) => entry.rule));
  return {
    errors: review.findings.filter((finding) => finding.severity === "error").map((finding) => finding.rule),
    unacknowledgedWarnings: review.findings.filter((finding) => finding.severity === "warning" && !acknowledged.has(finding.rule)).map((finding) => finding.rule),
  };
}

/** The requirement review of a saved job as it stands now, with the warnings acknowledged so far. */
export async function reviewSavedJob(options: { jobId: string; now: string }): Promise<JobReviewResult | null> {
  await authorize("console:read");
  const job = await db.job.findUnique({ where: { jobId: options.jobId }, include: { acknowledgements: { orderBy: { id: "asc" } } } });
  if (!job) return null;
  const context = await buildReviewContext({ jobId: job.jobId, state: asJobState(job.state), definition: jobInputOf(job), now: options.now });
  if (!context) return null;
  const review = reviewJob(context);
  const acknowledgements = job.acknowledgements.map(({ rule, reason, actor, at }) => ({ rule, reason, actor, at: at.toISOString() }));
  return { review, version: job.version, targetCount: context.targets.length, acknowledgements, ...summarise(review, acknowledgements), atSend: parseReviewAtSend(job.reviewAtSend) };
}

/** The review of a job still being written (the job form asks as fields change). */
export async function reviewDraftJob(options: { definition: JobInput; now: string }): Promise<{ review: JobReview; targetCount: number } | null> {
  await authorize("console:read");
  const context = await buildReviewContext({ jobId: null, state: "PENDING", definition: options.definition, now: options.now });
  return context && { review: reviewJob(context), targetCount: context.targets.length };
}

/** Records an admin's acknowledgement of a warning that fires for a Pending job, with the reason. */
export async function acknowledgeWarning(options: { jobId: string; rule: string; reason: string; now: string }): Promise<void> {
  await acknowledgeWarnings({ jobId: options.jobId, rules: [options.rule], reason: options.reason, now: options.now });
}

/**
 * Acknowledges several warnings of a Pending job at once, with one reason: all of them land or
 * none does (a rule that is not a warning now refuses the lot). Each gets its own History and audit row.
 */
export async function acknowledgeWarnings(options: { jobId: string; rules: readonly string[]; reason: string; now: string }): Promise<void> {
  const actor = await authorize("jobs:write", { type: "job", id: options.jobId });
  const reason = options.reason.trim();
  if (reason.length < 3) throw new DomainError("invalid", "Say why the warning does not stop this job", [{ path: "reason", message: "Reason is required (at least 3 characters)" }]);
  const rules = [...new Set(options.rules)].slice(0, 100);
  if (rules.length === 0) throw new DomainError("invalid", "Choose the warnings to acknowledge", [{ path: "rules", message: "Tick at least one warning" }]);
  const result = await reviewSavedJob({ jobId: options.jobId, now: options.now });
  if (!result) throw new DomainError("not_found", `Job ${options.jobId} does not exist`);
  const findings = rules.map((rule) => {
    const finding = result.review.findings.find((candidate) => candidate.rule === rule);
    if (!finding || finding.severity !== "warning") throw new DomainError("conflict", `${rule} is not a warning on job ${options.jobId} now; reload the review`);
    return finding;
  });
  await db.$transaction(async (tx) => {
    // The acknowledgement is for the job as reviewed: an edit or a Send since then refuses it.
    const job = await tx.job.findUniqueOrThrow({ where: { jobId: options.jobId }, select: { state: true, version: true } });
    if (job.state !== "PENDING") throw new DomainError("conflict", `Job ${options.jobId} was already sent`);
    if (job.version !== result.version) throw new DomainError("conflict", `Job ${options.jobId} was changed after its review; reload the review`);
    for (const finding of findings) {
      const acknowledgement = { jobId: options.jobId, rule: finding.rule, reason: reason.slice(0, 500), actor: actor.name };
      await tx.warningAcknowledgement.create({ data: acknowledgement });
      await recordAudit(tx, {
        actor,
        action: "job.acknowledge-warning",
        objectType: "job",
        objectId: options.jobId,
        before: null,
        after: { rule: acknowledgement.rule, reason: acknowledgement.reason, message: finding.message },
        detail: `${finding.rule}: ${acknowledgement.reason}`,
      });
    }
  });
}

/**
 * Send, after the requirement review: errors block it, and every warning must have been
 * acknowledged with a reason. Every entry point (console, CLI) sends through here.
 */
export async function sendJob(options: { jobId: string; now: string }) {
  await authorize("jobs:write", { type: "job", id: options.jobId });
  const result = await reviewSavedJob({ jobId: options.jobId, now: options.now });
  if (!result) throw new DomainError("not_found", `Job ${options.jobId} does not exist`);
  if (result.errors.length > 0) {
    throw new DomainError("invalid", `Job ${options.jobId} cannot be sent: the review finds ${result.errors.length} error${result.errors.length === 1 ? "" : "s"} (${result.errors.join(", ")})`);
  }
  if (result.unacknowledgedWarnings.length > 0) {
    throw new DomainError("conflict", `Job ${options.jobId} cannot be sent until these warnings are acknowledged: ${result.unacknowledgedWarnings.join(", ")}`);
  }
  // The review is kept as it stood at Send; what the Send itself changes (R54) shows as "since Send".
  const reviewAtSend = (actor: Actor) =>
    freezeReview({ sentBy: actor.name, sentAt: new Date().toISOString(), targetCount: result.targetCount, findings: result.review.findings, acknowledgements: result.acknowledgements, notChecked: result.review.notChecked });
  return activateJob({ jobId: options.jobId, expectedVersion: result.version, now: options.now, reviewAtSend });
}

import Link from "next/link";
import { FindingCard } from "@/components/finding-card";
import type { JobReviewResult } from "@/lib/data/job-review";
import { formatNotChecked } from "@/lib/rules/finding";
import type { Finding } from "@/lib/rules/rule";
import { acknowledgeWarningAction, applyFixAction } from "./actions";
import { AcknowledgeForm, ApplyFixButton } from "./finding-actions";
import { fixHref } from "./fix-link";

const SHOWN_SUBJECTS = 12;

function FindingItem({ finding, job, acknowledgement, isPending }: { finding: Finding; job: { jobId: string; packageId: string }; acknowledgement?: { actor: string; at: string; reason: string }; isPending: boolean }) {
  const href = fixHref(finding, job);
  const subjects = finding.subjects.slice(0, SHOWN_SUBJECTS);
  return (
    <li aria-label={`${finding.rule} ${finding.severity}`}>
      <FindingCard {...finding}>
        {subjects.length > 0 && (
          <p className="text-xs text-slate-600">
            Concerns:{" "}
            {subjects.map((subject, index) => (
              <span key={`${subject.kind}-${subject.id}`}>
                {index > 0 && ", "}
                {subject.kind === "computer" ? <Link href={`/computers/${subject.id}`}>{subject.id}</Link> : `${subject.kind} ${subject.id}`}
              </span>
            ))}
            {finding.subjects.length > SHOWN_SUBJECTS && ` and ${finding.subjects.length - SHOWN_SUBJECTS} more`}
          </p>
        )}
        <p className="mt-1">
          <span className="font-medium">Fix:</span> {finding.fix.text} {href && <Link href={href}>Go to the field</Link>}
        </p>
        {isPending && finding.fix.value !== undefined && ["job", "package", "site"].includes(finding.fix.form) && (
          <ApplyFixButton action={applyFixAction.bind(null, job.jobId, finding.rule)} label={`Apply fix: ${finding.fix.text}`} />
        )}
        {finding.severity === "warning" &&
          (acknowledgement ? (
            <p className="mt-2 rounded bg-amber-50 p-2 text-xs text-amber-900">
              Acknowledged by {acknowledgement.actor} at {acknowledgement.at.replace("T", " ").slice(0, 19)} UTC: {acknowledgement.reason}
            </p>
          ) : (
            isPending && <AcknowledgeForm action={acknowledgeWarningAction.bind(null, job.jobId, finding.rule)} rule={finding.rule} />
          ))}
      </FindingCard>
    </li>
  );
}

/** The requirement review of a job: errors block Send, warnings need an acknowledgement, infos inform. */
export function ReviewPanel({ result, job, isPending }: { result: JobReviewResult; job: { jobId: string; packageId: string }; isPending: boolean }) {
  const { review } = result;
  const count = (severity: Finding["severity"]) => review.findings.filter((finding) => finding.severity === severity).length;
  const acknowledgementOf = new Map(result.acknowledgements.map((entry) => [entry.rule, entry]));
  return (
    <section aria-labelledby="review-heading" className="mb-6">
      <h2 id="review-heading" className="mb-2 text-lg font-semibold">
        Requirement review
      </h2>
      <p className="mb-2 text-sm" role="status">
        {count("error")} errors, {count("warning")} warnings ({count("warning") - result.unacknowledgedWarnings.length} acknowledged), {count("info")} infos over {result.targetCount} targets.{" "}
        {isPending &&
          (result.errors.length > 0
            ? `Send is blocked until the errors are fixed (${result.errors.join(", ")}).`
            : result.unacknowledgedWarnings.length > 0
              ? `Acknowledge ${result.unacknowledgedWarnings.join(", ")} to send.`
              : "Ready to send.")}
      </p>
      {review.findings.length > 0 && (
        <ul className="space-y-2">
          {review.findings.map((finding) => (
            <FindingItem key={finding.rule} finding={finding} job={job} acknowledgement={acknowledgementOf.get(finding.rule)} isPending={isPending} />
          ))}
        </ul>
      )}
      {review.notChecked.length > 0 && (
        <details className="mt-2 text-sm text-slate-700">
          <summary className="cursor-pointer">{review.notChecked.length} rules could not be checked: facts not recorded</summary>
          <ul className="mt-1 list-disc pl-6">
            {review.notChecked.map((entry) => (
              <li key={entry.rule}>{formatNotChecked(entry)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

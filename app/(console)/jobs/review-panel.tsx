import Link from "next/link";
import { FindingCard } from "@/components/finding-card";
import type { FixImpact } from "@/lib/data/jobs/apply-fix";
import type { JobReviewResult, WarningAcknowledgementDto } from "@/lib/data/review/job-review";
import { findingsSinceSend, type ReviewAtSend } from "@/lib/jobs/review-at-send";
import { formatNotChecked } from "@/lib/rules/finding";
import type { Finding, NotChecked, Subject } from "@/lib/rules/rule";
import { plural } from "@/lib/rules/subjects";
import { acknowledgeWarningAction, acknowledgeWarningsAction, applyFixAction, leaveOutComputersAction } from "./actions";
import { AcknowledgeForm, AcknowledgeSeveralForm, ApplyFixButton } from "./finding-actions";
import { fixHref } from "./fix-link";
import { formatUtcInstant } from "@/lib/wall-clock-format";

const SHOWN_SUBJECTS = 12;

interface JobRef {
  jobId: string;
  packageId: string;
  /** Command line names by ID: findings name a command line, never its internal ID. */
  commandLineNames: ReadonlyMap<string, string>;
  targetKind: string;
}

/**
 * A target-side error can also be met by narrowing the target: leave those machines out of a list
 * of computers, or add a platform or PCM filter, beside changing their inventory.
 */
function NarrowTarget({ finding, job }: { finding: Finding; job: JobRef }) {
  const computers = finding.subjects.filter((subject) => subject.kind === "computer").length;
  if (finding.severity !== "error" || computers === 0) return null;
  return (
    <div className="mt-2 rounded border border-slate-200 bg-slate-50 p-2 text-xs">
      <p>
        Or narrow the target: <Link href={`/jobs/${job.jobId}/edit#target-platforms`}>add a platform or PCM filter</Link>
        {job.targetKind !== "COMPUTERS" && " (this target is not a list of computers, so machines cannot be left out one by one)"}.
      </p>
      {job.targetKind === "COMPUTERS" && (
        <ApplyFixButton
          action={leaveOutComputersAction.bind(null, job.jobId, finding.rule)}
          label={`Leave ${computers === 1 ? "this computer" : `these ${computers} computers`} out of the target`}
          impact={{ rule: finding.rule, fixText: "", records: [], changes: [], isShared: false, usedBy: [] }}
        />
      )}
    </div>
  );
}

function SubjectName({ subject, job }: { subject: Subject; job: JobRef }) {
  if (subject.kind === "computer") return <Link href={`/computers/${subject.id}`}>{subject.id}</Link>;
  if (subject.kind === "commandLine") return <>command line &quot;{job.commandLineNames.get(subject.id) ?? "not saved yet"}&quot;</>;
  if (subject.kind === "site") return <Link href={`/sites/${subject.id}`}>site {subject.id}</Link>;
  if (subject.kind === "package") return <Link href={`/packages/${subject.id}`}>package {subject.id}</Link>;
  return <>{`${subject.kind} ${subject.id}`}</>;
}

function FindingItem({
  finding,
  subjectCount = finding.subjects.length,
  job,
  acknowledgement,
  isPending,
  impact,
}: {
  finding: Finding;
  subjectCount?: number;
  job: JobRef;
  acknowledgement?: WarningAcknowledgementDto;
  isPending: boolean;
  impact?: FixImpact;
}) {
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
                <SubjectName subject={subject} job={job} />
              </span>
            ))}
            {subjectCount > subjects.length && ` and ${subjectCount - subjects.length} more`}
          </p>
        )}
        <p className="mt-1">
          <span className="font-medium">Fix:</span> {finding.fix.text} {isPending && href && <Link href={href}>Go to the field</Link>}
        </p>
        {isPending && impact && <ApplyFixButton action={applyFixAction.bind(null, job.jobId, finding.rule)} label={`Apply fix: ${finding.fix.text}`} impact={impact} />}
        {isPending && <NarrowTarget finding={finding} job={job} />}
        {finding.severity === "warning" &&
          (acknowledgement ? (
            <p className="mt-2 rounded bg-amber-50 p-2 text-xs text-amber-900">
              Acknowledged by {acknowledgement.actor} at {formatUtcInstant(acknowledgement.at)}: {acknowledgement.reason}
            </p>
          ) : (
            isPending && <AcknowledgeForm action={acknowledgeWarningAction.bind(null, job.jobId, finding.rule)} rule={finding.rule} />
          ))}
      </FindingCard>
    </li>
  );
}

function counts(findings: readonly Finding[]) {
  const count = (severity: Finding["severity"]) => findings.filter((finding) => finding.severity === severity).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info") };
}

function NotCheckedList({ entries }: { entries: readonly NotChecked[] }) {
  if (entries.length === 0) return null;
  return (
    <details className="mt-2 text-sm text-slate-700">
      <summary className="cursor-pointer">{plural(entries.length, "rule")} could not be checked: facts not recorded</summary>
      <ul className="mt-1 list-disc pl-6">
        {entries.map((entry) => (
          <li key={entry.rule}>{formatNotChecked(entry)}</li>
        ))}
      </ul>
    </details>
  );
}

/** A sent job's review as it stood at Send, and apart from it whatever today's review adds. */
function ReviewAtSendPanel({ atSend, current, job }: { atSend: ReviewAtSend; current: readonly Finding[]; job: JobRef }) {
  const { errors, warnings, infos } = counts(atSend.findings);
  const acknowledgementOf = new Map(atSend.acknowledgements.map((entry) => [entry.rule, { ...entry }]));
  const since = findingsSinceSend(atSend, current);
  return (
    <section aria-labelledby="review-heading" className="mb-6">
      <h2 id="review-heading" className="mb-2 text-lg font-semibold">
        Requirement review at Send
      </h2>
      <p className="mb-2 text-sm" role="status">
        Sent by {atSend.sentBy} at {formatUtcInstant(atSend.sentAt)} over {plural(atSend.targetCount, "target")}: {plural(errors, "error")}, {plural(warnings, "warning")} (
        {atSend.acknowledgements.length} acknowledged), {plural(infos, "info")}. This is what the sender reviewed; it does not change.
      </p>
      {atSend.findings.length > 0 && (
        <ul className="space-y-2" aria-label="Findings at Send">
          {atSend.findings.map((finding) => (
            <FindingItem key={finding.rule} finding={finding} subjectCount={finding.subjectCount} job={job} acknowledgement={acknowledgementOf.get(finding.rule)} isPending={false} />
          ))}
        </ul>
      )}
      <NotCheckedList entries={atSend.notChecked} />
      <section aria-labelledby="since-send-heading" className="mt-4">
        <h3 id="since-send-heading" className="mb-2 font-semibold">
          Since Send
        </h3>
        {since.length === 0 ? (
          <p className="text-sm text-slate-600">Today&apos;s review finds nothing the review at Send did not.</p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600">Today&apos;s review finds {plural(since.length, "thing")} the review at Send did not, some caused by the Send itself (it put the package on its servers).</p>
            <ul className="space-y-2" aria-label="Findings since Send">
              {since.map((finding) => (
                <FindingItem key={finding.rule} finding={finding} job={job} isPending={false} />
              ))}
            </ul>
          </>
        )}
      </section>
    </section>
  );
}

/** The requirement review of a job: errors block Send, warnings need an acknowledgement, infos inform. */
export function ReviewPanel({ result, job, isPending, impacts }: { result: JobReviewResult; job: JobRef; isPending: boolean; impacts: ReadonlyMap<string, FixImpact> }) {
  if (!isPending && result.atSend) return <ReviewAtSendPanel atSend={result.atSend} current={result.review.findings} job={job} />;
  const { review } = result;
  const { errors, warnings, infos } = counts(review.findings);
  const acknowledgementOf = new Map(result.acknowledgements.map((entry) => [entry.rule, entry]));
  return (
    <section aria-labelledby="review-heading" className="mb-6">
      <h2 id="review-heading" className="mb-2 text-lg font-semibold">
        Requirement review
      </h2>
      <p className="mb-2 text-sm" role="status">
        {plural(errors, "error")}, {plural(warnings, "warning")} ({warnings - result.unacknowledgedWarnings.length} acknowledged), {plural(infos, "info")} over {plural(result.targetCount, "target")}.{" "}
        {isPending &&
          (result.errors.length > 0
            ? `Send is blocked until the errors are fixed (${result.errors.join(", ")}).`
            : result.unacknowledgedWarnings.length > 0
              ? `Acknowledge ${result.unacknowledgedWarnings.join(", ")} to send.`
              : "Ready to send.")}
        {!isPending && " This is today's review: the job was sent before the console kept the review at Send."}
      </p>
      {isPending && result.unacknowledgedWarnings.length > 1 && <AcknowledgeSeveralForm action={acknowledgeWarningsAction.bind(null, job.jobId)} rules={result.unacknowledgedWarnings} />}
      {review.findings.length > 0 && (
        <ul className="space-y-2">
          {review.findings.map((finding) => (
            <FindingItem key={finding.rule} finding={finding} job={job} acknowledgement={acknowledgementOf.get(finding.rule)} isPending={isPending} impact={impacts.get(finding.rule)} />
          ))}
        </ul>
      )}
      <NotCheckedList entries={review.notChecked} />
    </section>
  );
}

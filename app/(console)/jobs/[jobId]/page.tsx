import Link from "next/link";
import { describeDistributePhase, describeSendPhase } from "@/lib/jobs/phases";
import { isServerJobType, JOB_TYPE_LABELS } from "@/lib/jobs/schema";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/delete-button";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { WallClockTime } from "@/components/wall-clock-time";
import { getPlannedJob } from "@/lib/data/instruction-box/instructions";
import { describeFixes, type FixImpact } from "@/lib/data/jobs/apply-fix";
import { listJobHistory } from "@/lib/data/jobs/job-history";
import { reviewSavedJob } from "@/lib/data/review/job-review";
import { getPackage } from "@/lib/data/packages/packages";
import { describeJobNotice, parseJobNotice } from "@/lib/jobs/job-notice";
import { getJob, listJobTargets } from "@/lib/data/jobs/jobs";
import { holdsInstruction, offerStateOf, OFFER_STATUS_LABELS } from "@/lib/jobs/instructions";
import { PLATFORM_LABELS, type Platform } from "@/lib/platforms";
import { pageNumberSchema } from "@/lib/schema-fields";
import { currentWallClock } from "@/lib/wall-clock";
import { JOB_REPEAT_LABELS } from "@/lib/jobs/schedule";
import { changeJobStateAction, deleteJobAction, sendJobAction } from "../actions";
import { JobActionButton } from "../job-action-button";
import { JobStateBadge } from "../job-states";
import { ReviewPanel } from "../review-panel";
import { describeTarget } from "../target-description";
import { uploadStatusReportAction } from "./status/actions";
import { UploadStatusReport } from "./status/upload-status-report";
import { requirePermission } from "../../access";
import { can } from "@/lib/access/roles";
import { formatUtcInstant, formatWallClock } from "@/lib/wall-clock-format";

export async function generateMetadata({ params }: PageProps<"/jobs/[jobId]">) {
  return { title: `Job ${(await params).jobId}` };
}

export default async function JobPage({ params, searchParams }: PageProps<"/jobs/[jobId]">) {
  const actor = await requirePermission("console:read");
  const canChangeJobs = can(actor.role, "jobs:write");
  const { jobId } = await params;
  const query = await searchParams;
  const page = pageNumberSchema.parse(query.page);
  const now = currentWallClock();
  const [job, planned, targets, review, history] = await Promise.all([getJob(jobId), getPlannedJob(jobId), listJobTargets({ jobId, page }), reviewSavedJob({ jobId, now }), listJobHistory({ jobId })]);
  if (!job || !planned || !review) notFound();
  const isPending = canChangeJobs && job.storedState === "PENDING";
  const [impacts, pkg] = await Promise.all([isPending ? describeFixes({ jobId, now, result: review }) : new Map<string, FixImpact>(), getPackage(job.packageId)]);
  const commandLineNames = new Map((pkg?.commandLines ?? []).map((line) => [String(line.id), line.commandName]));
  const notice = parseJobNotice(query.done);
  const canSend = review.errors.length === 0 && review.unacknowledgedWarnings.length === 0;
  const offer = offerStateOf(planned, now);
  const isInInstructionFiles = holdsInstruction(planned, now);
  const { runPhase } = job.definition;
  const isServerJob = isServerJobType(job.definition.jobType);
  const facts: [string, React.ReactNode][] = [
    ["Job type", isServerJob ? `${JOB_TYPE_LABELS[job.definition.jobType]} (Send and Distribute phases; no instruction records)` : JOB_TYPE_LABELS[job.definition.jobType]],
    ["Package", <Link key="package" href={`/packages/${job.packageId}`}>{`${job.packageId}: ${job.packageName}`}</Link>],
    ["Command line", runPhase.isEnabled ? (job.commandName ?? "—") : "No run phase"],
    ["Originating site", job.siteCode],
    ["Request ID", job.requestId ?? "Allocated when sent"],
    ["Priority", job.priority.charAt(0) + job.priority.slice(1).toLowerCase()],
    [
      "Schedule",
      job.definition.schedule.activateAt
        ? `Activates at ${formatWallClock(job.definition.schedule.activateAt)}; repeats ${JOB_REPEAT_LABELS[job.definition.schedule.repeat].toLowerCase()}`
        : "Sent by hand (no activation time)",
    ],
    ...(job.repeatOfJobId ? ([["Repeats", <Link key="repeats" href={`/jobs/${job.repeatOfJobId}`}>{`job ${job.repeatOfJobId}`}</Link>]] as [string, React.ReactNode][]) : []),
    ...(job.activationProblem && job.storedState === "PENDING" ? ([["Not activated", job.activationProblem]] as [string, React.ReactNode][]) : []),
    ["Target", job.storedState === "PENDING" && !isServerJob ? `${describeTarget(job)}: would reach about ${review.targetCount} computer${review.targetCount === 1 ? "" : "s"} if sent now` : describeTarget(job)],
    ["Send phase", describeSendPhase(job.definition)],
    ["Distribute phase", describeDistributePhase(job.definition, job.serverGroupName)],
    ["Comment", job.comment || "—"],
  ];
  const dates: [string, string | null][] = [
    ["Offer After", runPhase.offerAfter ?? null],
    ["Mandatory After", job.mandatoryAfter],
    ["Expire After", job.expireAfter],
  ];
  return (
    <>
      <PageHeader
        title={
          <>
            Job <span className="font-mono">{job.jobId}</span> <JobStateBadge state={job.state} />
          </>
        }
        description={`${job.packageName}${job.commandName ? `: ${job.commandName}` : ""}`}
        actions={canChangeJobs && job.storedState === "PENDING" ? <ButtonLink href={`/jobs/${job.jobId}/edit`}>Edit</ButtonLink> : undefined}
      />
      {notice && (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
          {describeJobNotice(notice, job)}
        </p>
      )}
      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <section className="min-w-0 rounded border border-slate-200 bg-white p-4 lg:col-span-2">
          <dl className="grid grid-cols-[minmax(0,max-content)_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-600">{label}</dt>
                <dd className="min-w-0 break-words">{value}</dd>
              </div>
            ))}
            {dates.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-600">{label}</dt>
                <dd className="min-w-0">
                  <WallClockTime value={value} now={now} />
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-slate-500">Dates are the site server&apos;s wall clock; SMS did no time-zone conversion.</p>
        </section>
        <section className="min-w-0 space-y-3 rounded border border-slate-200 bg-white p-4" aria-label="Job actions">
          <p className="text-sm">
            <Link href={`/jobs/${job.jobId}/simulation`}>What will clients do?</Link>
          </p>
          {job.storedState !== "PENDING" && (
            <p className="text-sm">
              <Link href={`/jobs/${job.jobId}/status`}>{isServerJob ? "Job status: what happens on each server?" : "Job status: what did clients report?"}</Link>
            </p>
          )}
          <p className="text-sm">
            Offer now: <strong>{OFFER_STATUS_LABELS[offer.status]}</strong>
            {offer.until && (
              <>
                {" "}
                until <WallClockTime value={offer.until} now={now} />
              </>
            )}
          </p>
          {canChangeJobs &&
            job.storedState === "PENDING" &&
            (canSend ? (
              <JobActionButton action={sendJobAction.bind(null, job.jobId)} label="Send" variant="primary" confirmation="Send resolves the target list and the distribution servers now and freezes them, as SMS did at activation." />
            ) : (
              <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
                Send waits for the requirement review: {review.errors.length > 0 ? `fix ${review.errors.join(", ")}` : `acknowledge ${review.unacknowledgedWarnings.join(", ")}`}.
              </p>
            ))}
          {canChangeJobs && (job.storedState === "PENDING" || job.storedState === "ACTIVE") && (
            <JobActionButton action={changeJobStateAction.bind(null, job.jobId, "cancel")} label="Cancel job" variant="danger" withNote isNoteRequired confirmation="Canceling removes this job's record from every target's instruction file. Say why." />
          )}
          {canChangeJobs && job.storedState === "ACTIVE" && (
            <div className="flex flex-wrap gap-2">
              <JobActionButton action={changeJobStateAction.bind(null, job.jobId, "complete")} label="Mark complete" withNote isNoteRequired confirmation="Override: the targets' status MIFs complete a job by themselves. Give the reason you mark it complete by hand." />
              <JobActionButton action={changeJobStateAction.bind(null, job.jobId, "fail")} label="Mark failed" withNote isNoteRequired confirmation="Override: mark the job failed by hand, with the reason." />
            </div>
          )}
          {canChangeJobs && job.storedState !== "PENDING" && (
            <details className="text-sm">
              <summary className="cursor-pointer">Upload a client&apos;s status MIF</summary>
              <div className="mt-2">
                <UploadStatusReport action={uploadStatusReportAction.bind(null, job.jobId)} />
              </div>
            </details>
          )}
          {canChangeJobs && job.storedState !== "ACTIVE" && <DeleteButton action={deleteJobAction.bind(null, job.jobId)} what={`job ${job.jobId}`} />}
        </section>
      </div>

      <ReviewPanel result={review} job={{ jobId: job.jobId, packageId: job.packageId, commandLineNames, targetKind: job.definition.target.kind }} isPending={isPending} impacts={impacts} />

      <h2 className="mb-2 text-lg font-semibold">Targets</h2>
      {job.storedState === "PENDING" ? (
        <p className="mb-6 text-sm text-slate-600">
          The target list is resolved and frozen when the job is sent. <Link href={`/jobs/${job.jobId}/preview`}>Preview what Send changes in each target&apos;s instruction file</Link>.
        </p>
      ) : (
        <>
          <Table>
            <thead>
              <tr>
                <Th>SMS ID</Th>
                <Th>Computer</Th>
                <Th>Site</Th>
                <Th>Platform</Th>
                <Th>Offer</Th>
                <Th>Record in its instruction file</Th>
              </tr>
            </thead>
            <tbody>
              {targets.items.length === 0 && <EmptyRow colSpan={6}>No targets.</EmptyRow>}
              {targets.items.map((computer) => (
                <tr key={computer.smsId}>
                  <Td className="font-mono">
                    <Link href={`/computers/${computer.smsId}`}>{computer.smsId}</Link>
                  </Td>
                  <Td>{computer.name}</Td>
                  <Td className="font-mono">{computer.siteCode}</Td>
                  <Td>{PLATFORM_LABELS[computer.platform as Platform] ?? computer.platform}</Td>
                  <Td>{OFFER_STATUS_LABELS[offer.status]}</Td>
                  <Td>{isInInstructionFiles ? `Yes, request ${job.requestId}` : "No"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={targets.page} pageCount={targets.pageCount} total={targets.total} noun="target" hrefFor={(target) => `/jobs/${job.jobId}?page=${target}`} />
          <h2 className="mt-4 mb-2 text-lg font-semibold">Distribution servers (frozen at Send)</h2>
          <Table aria-label="Distribution servers">
            <thead>
              <tr>
                <Th>Server</Th>
                <Th>Package directory</Th>
                <Th>Type</Th>
                <Th>Zone</Th>
              </tr>
            </thead>
            <tbody>
              {job.servers.length === 0 && <EmptyRow colSpan={4}>No distribution server holds the package.</EmptyRow>}
              {job.servers.map((server) => (
                <tr key={server.serverName}>
                  <Td className="font-mono">{server.serverName}</Td>
                  <Td className="font-mono">{server.path}</Td>
                  <Td>{server.serverType}</Td>
                  <Td className="font-mono">{server.zone || "—"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}

      <h2 id="history" className="mt-6 mb-2 text-lg font-semibold">
        History
      </h2>
      <Table aria-label="Job history">
        <thead>
          <tr>
            <Th>When (UTC)</Th>
            <Th>Change</Th>
            <Th>Who</Th>
            <Th>Note</Th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry, index) => (
            <tr key={index}>
              <Td className="font-mono text-xs whitespace-nowrap">{formatUtcInstant(entry.at, { isLabelled: false })}</Td>
              <Td>
                {entry.change}
                {entry.changes.length > 0 && (
                  <ul className="mt-1 list-disc pl-5 text-xs text-slate-700">
                    {entry.changes.map((change) => (
                      <li key={change.label}>
                        {change.label}: {change.before} → {change.after}
                      </li>
                    ))}
                  </ul>
                )}
              </Td>
              <Td>{entry.actor}</Td>
              <Td>{entry.note}</Td>
            </tr>
          ))}
          {job.state === "EXPIRED" && job.expireAfter && (
            <tr>
              <Td className="font-mono text-xs">{formatWallClock(job.expireAfter)} (site wall clock)</Td>
              <Td>Active → Expired</Td>
              <Td>the clock</Td>
              <Td>Expire After passed</Td>
            </tr>
          )}
        </tbody>
      </Table>
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { getJobStatus, listOverdueTargets, listServerJobTargets, listTargetStatuses, OVERDUE_CHECK_LIMIT, predictTargets, type TargetPrediction } from "@/lib/data/job-status/job-status";
import { TARGET_STATUSES, TARGET_STATUS_LABELS, type TargetStatusValue } from "@/lib/job-status/target-status";
import { pageNumberSchema } from "@/lib/schema-fields";
import { currentWallClock } from "@/lib/wall-clock";
import { requirePermission } from "../../../access";
import { ServerJobTargetsSection } from "../server-job-targets";
import { ReportsChart } from "./reports-chart";

export async function generateMetadata({ params }: PageProps<"/jobs/[jobId]/status">) {
  return { title: `Job ${(await params).jobId} status` };
}

const STATUS_TONES = { NONE: "neutral", COMPLETE: "good", RETRYING: "bad" } as const;
const isStatus = (value: unknown): value is TargetStatusValue => typeof value === "string" && (TARGET_STATUSES as readonly string[]).includes(value);
const textOf = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim().slice(0, 40) : "");

function Prediction({ prediction, status }: { prediction: TargetPrediction | undefined; status: TargetStatusValue }) {
  if (!prediction) return <span className="text-slate-500">—</span>;
  if (prediction.shouldHaveRun) {
    return <span className={status === "NONE" ? "font-medium text-red-700" : ""}>{`Runs at ${prediction.runsAt?.replace("T", " ")}${status === "NONE" ? " (overdue)" : ""}`}</span>;
  }
  if (prediction.runsAt) return <span>{`Not yet: runs at ${prediction.runsAt.replace("T", " ")}`}</span>;
  return <span className="text-slate-700">{`Not run: ${prediction.reason}`}</span>;
}

/**
 * SMS's Job Status for one job (digest §2.5): counts, the Sending / Working / Cancel status, reports
 * over time, the per-site Job Status Details, one row per target, and what the simulator says each
 * target should have done by now.
 */
export default async function JobStatusPage({ params, searchParams }: PageProps<"/jobs/[jobId]/status">) {
  await requirePermission("console:read");
  const { jobId } = await params;
  const query = await searchParams;
  const search = textOf(query.search);
  const status = isStatus(query.status) ? query.status : undefined;
  const page = pageNumberSchema.parse(query.page);
  const now = currentWallClock();
  const overview = await getJobStatus({ jobId, now });
  if (!overview) notFound();
  const header = (
    <PageHeader
      title={
        <>
          Job <span className="font-mono">{jobId}</span> status
        </>
      }
      description={`${overview.summary.overall}: Sending ${overview.summary.sending}, Working ${overview.summary.working}, Cancel ${overview.summary.cancel}. Request ${overview.requestId ?? "not allocated"}${overview.sentAt ? `, sent ${overview.sentAt.replace("T", " ")}` : ""}.`}
      actions={<ButtonLink href={`/jobs/${jobId}`}>Job</ButtonLink>}
    />
  );
  // Share and Remove jobs have servers, not workstation targets: their status is what happens on each.
  const serverTargets = await listServerJobTargets({ jobId });
  if (serverTargets) {
    return (
      <>
        {header}
        <ServerJobTargetsSection targets={serverTargets} />
      </>
    );
  }
  // The page's predictions and the overdue list are independent reads: neither waits for the other.
  const [{ targets, predictions }, overdue] = await Promise.all([
    listTargetStatuses({ jobId, page, search, status }).then(async (targets) => ({ targets, predictions: await predictTargets({ jobId, smsIds: targets.items.map((row) => row.smsId), now }) })),
    listOverdueTargets({ jobId, now }),
  ]);
  const filters = { ...(search ? { search } : {}), ...(status ? { status } : {}) };
  const hrefFor = (target: number) => `/jobs/${jobId}/status?${new URLSearchParams({ ...filters, page: String(target) })}`;
  const isFiltered = Object.keys(filters).length > 0;
  const { counts } = overview;
  return (
    <>
      {header}
      <section aria-label="Counts by status" className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Targets", overview.targetCount],
          ["None", counts.NONE],
          ["Complete", counts.COMPLETE],
          ["Retrying", counts.RETRYING],
        ].map(([label, value]) => (
          <div key={label} className="rounded border border-slate-200 bg-white p-3">
            <div className="text-xs text-slate-600">{label}</div>
            <div className="text-2xl font-semibold" aria-label={`${label}: ${value}`}>
              {value}
            </div>
          </div>
        ))}
      </section>
      <section className="mb-6 rounded border border-slate-200 bg-white p-4" aria-label="Reports over time">
        <h2 className="mb-2 text-lg font-semibold">Reports over time</h2>
        <ReportsChart buckets={overview.reportsOverTime} />
        <p className="mt-1 text-sm">
          {overview.reportCounts.applied} applied, {overview.reportCounts.held} held, {overview.reportCounts.refused} refused.
        </p>
      </section>

      <h2 className="mb-2 text-lg font-semibold">Sites</h2>
      <div className="mb-6 grid gap-3 md:grid-cols-2">
        {overview.sites.map((site) => (
          <section key={site.siteCode} aria-label={`Site ${site.siteCode}`} className="rounded border border-slate-200 bg-white p-3 text-sm">
            <h3 className="font-semibold">
              <span className="font-mono">{site.siteCode}</span> {site.siteName}
            </h3>
            <ul className="mt-1 space-y-0.5">
              <li>Site Arrival: {site.siteArrival ? site.siteArrival.replace("T", " ") : "None"}</li>
              <li>Distribution servers: {site.distributionServers.length > 0 ? site.distributionServers.map((server) => server.serverName).join(", ") : "none at this site"}</li>
              <li>
                Completion: <strong>{site.completion}</strong> ({site.counts.COMPLETE} Complete, {site.counts.RETRYING} Retrying, {site.counts.NONE} None)
              </li>
            </ul>
          </section>
        ))}
        {overview.sites.length === 0 && <p className="text-sm text-slate-600">The job has no targets yet: they are frozen when it is sent.</p>}
      </div>

      <h2 className="mb-2 text-lg font-semibold">Overdue</h2>
      <p className="mb-2 text-sm text-slate-600">
        Targets the simulator says should have run by now that have not reported ({overdue.checked < overdue.withoutReport ? `the first ${OVERDUE_CHECK_LIMIT} of ${overdue.withoutReport} without a report checked` : `${overdue.withoutReport} without a report checked`}).
      </p>
      {overdue.overdue.length === 0 ? (
        <p className="mb-6 text-sm">None overdue.</p>
      ) : (
        <ul className="mb-6 list-disc pl-6 text-sm" aria-label="Overdue targets">
          {overdue.overdue.map((row) => (
            <li key={row.smsId}>
              <span className="font-mono">{row.smsId}</span> {row.name}: should have run at {row.runsAt?.replace("T", " ")}
            </li>
          ))}
        </ul>
      )}

      <h2 className="mb-2 text-lg font-semibold">Targets</h2>
      <form role="search" className="mb-3 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="search" className="block text-sm font-medium text-slate-800">
            SMS ID or computer
          </label>
          <input id="search" name="search" type="search" defaultValue={search} placeholder="e.g. NTX (or the whole ID)" className={inputClass} />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <select id="status" name="status" defaultValue={status ?? ""} className={inputClass}>
            <option value="">Any</option>
            {TARGET_STATUSES.map((choice) => (
              <option key={choice} value={choice}>
                {TARGET_STATUS_LABELS[choice]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
          Filter
        </button>
        {isFiltered && (
          <Link href={`/jobs/${jobId}/status`} className="py-1.5 text-sm">
            Clear
          </Link>
        )}
        <a href={`/jobs/${jobId}/status/export?${new URLSearchParams(filters)}`} className="ml-auto py-1.5 text-sm" download>
          Export CSV
        </a>
      </form>
      <Table aria-label="Target status">
        <thead>
          <tr>
            <Th>SMS ID</Th>
            <Th>Computer</Th>
            <Th>Site</Th>
            <Th>Status</Th>
            <Th>When</Th>
            <Th>Description</Th>
            <Th>Predicted by the simulator</Th>
          </tr>
        </thead>
        <tbody>
          {targets.items.length === 0 && <EmptyRow colSpan={7}>{isFiltered ? "No target matches these filters." : "No targets."}</EmptyRow>}
          {targets.items.map((row) => (
            <tr key={row.smsId}>
              <Td className="font-mono">
                <Link href={`/computers/${row.smsId}`}>{row.smsId}</Link>
              </Td>
              <Td>{row.name}</Td>
              <Td className="font-mono">{row.siteCode}</Td>
              <Td>
                <Badge tone={STATUS_TONES[row.status]}>{TARGET_STATUS_LABELS[row.status]}</Badge>
              </Td>
              <Td className="font-mono text-xs">{row.reportedAt?.replace("T", " ") ?? "—"}</Td>
              <Td className="max-w-md text-sm">
                {row.description && <p className="whitespace-pre-line">{row.description}</p>}
                {row.eventText && <p className="text-xs text-slate-600">Event 374: {row.eventText}</p>}
                {row.warning && <p className="text-xs text-amber-800">Warning: {row.warning}</p>}
                {row.reportId !== null && (
                  <Link href={`/jobs/${jobId}/status/reports/${row.reportId}`} className="text-xs">
                    Raw MIF
                  </Link>
                )}
              </Td>
              <Td className="text-sm">
                <Prediction prediction={predictions.get(row.smsId)} status={row.status} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={targets.page} pageCount={targets.pageCount} total={targets.total} noun="target" hrefFor={hrefFor} />

      <h2 className="mt-6 mb-2 text-lg font-semibold">Reports not applied</h2>
      <Table aria-label="Reports not applied">
        <thead>
          <tr>
            <Th>Received</Th>
            <Th>SMS ID</Th>
            <Th>Outcome</Th>
            <Th>Reason</Th>
          </tr>
        </thead>
        <tbody>
          {overview.notApplied.length === 0 && <EmptyRow colSpan={4}>Every report received was applied.</EmptyRow>}
          {overview.notApplied.map((report) => (
            <tr key={report.reportId}>
              <Td className="font-mono text-xs">{report.receivedAt.replace("T", " ")}</Td>
              <Td className="font-mono">{report.smsId}</Td>
              <Td>
                <Badge tone={report.outcome === "held" ? "warn" : "bad"}>{report.outcome === "held" ? "Held: clock skew" : "Refused"}</Badge>
              </Td>
              <Td className="text-sm">
                {report.reason} <Link href={`/jobs/${jobId}/status/reports/${report.reportId}`}>Raw MIF</Link>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

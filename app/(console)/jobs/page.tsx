import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { WallClockTime } from "@/components/wall-clock-time";
import { inputClass } from "@/components/ui/field";
import { listJobs, loadJobFormChoices } from "@/lib/data/jobs/jobs";
import { JOB_STATE_LABELS } from "@/lib/jobs/lifecycle";
import { JOB_STATES, JOB_TYPE_LABELS, type JobState } from "@/lib/jobs/schema";
import { pageNumberSchema } from "@/lib/schema-fields";
import { currentWallClock } from "@/lib/wall-clock";
import { JobStateBadge } from "./job-states";
import { requirePermission } from "../access";
import { can } from "@/lib/access/roles";

export const metadata = { title: "Jobs" };

const STATE_FILTERS = [...JOB_STATES, "EXPIRED"] as const;
const single = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 100) : "");

export default async function JobsPage({ searchParams }: PageProps<"/jobs">) {
  const actor = await requirePermission("console:read");
  const canChangeJobs = can(actor.role, "jobs:write");
  const query = await searchParams;
  const state = (STATE_FILTERS as readonly string[]).includes(single(query.state)) ? (single(query.state) as JobState | "EXPIRED") : undefined;
  const choices = await loadJobFormChoices();
  // Unknown package or site codes are ignored, as an unknown state is.
  const packageId = choices.packages.some((pkg) => pkg.packageId === single(query.packageId)) ? single(query.packageId) : undefined;
  const siteCode = choices.sites.some((site) => site.code === single(query.siteCode)) ? single(query.siteCode) : undefined;
  const search = single(query.search).trim() || undefined;
  const page = pageNumberSchema.parse(query.page);
  const jobs = await listJobs({ state, packageId, siteCode, search, page });
  const now = currentWallClock();
  const filters = Object.fromEntries(Object.entries({ state, packageId, siteCode, search }).filter(([, value]) => value !== undefined)) as Record<string, string>;
  const hrefFor = (target: number) => `/jobs?${new URLSearchParams({ ...filters, page: String(target) })}`;
  const stateLabel = (value: JobState | "EXPIRED") => JOB_STATE_LABELS[value];
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Run Command On Workstation jobs: each offers one package's command line to its targets."
        actions={
          canChangeJobs ? (
            <ButtonLink href="/jobs/new" variant="primary">
              New job
            </ButtonLink>
          ) : undefined
        }
      />
      <form role="search" aria-label="Find jobs" className="mb-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto]">
        <label className="text-sm">
          Search
          <input name="search" type="search" defaultValue={search ?? ""} placeholder="Job ID, package name or comment" className={inputClass} />
        </label>
        <label className="text-sm">
          State
          <select name="state" defaultValue={state ?? ""} className={inputClass}>
            <option value="">Any state</option>
            {STATE_FILTERS.map((value) => (
              <option key={value} value={value}>
                {stateLabel(value)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Package
          <select name="packageId" defaultValue={packageId ?? ""} className={inputClass}>
            <option value="">Any package</option>
            {choices.packages.map((pkg) => (
              <option key={pkg.packageId} value={pkg.packageId}>
                {pkg.packageId}: {pkg.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Site
          <select name="siteCode" defaultValue={siteCode ?? ""} className={inputClass}>
            <option value="">Any site</option>
            {choices.sites.map((site) => (
              <option key={site.code} value={site.code}>
                {site.code}: {site.name}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm text-white">
            Find
          </button>
          {Object.keys(filters).length > 0 && <Link href="/jobs">Clear</Link>}
        </div>
      </form>
      <Table>
        <thead>
          <tr>
            <Th>Job</Th>
            <Th>State</Th>
            <Th>Job type</Th>
            <Th>Package</Th>
            <Th>Command line</Th>
            <Th>Offer After</Th>
            <Th>Mandatory After</Th>
            <Th>Expire After</Th>
            <Th className="text-right">Targets</Th>
          </tr>
        </thead>
        <tbody>
          {jobs.items.length === 0 && <EmptyRow colSpan={9}>{Object.keys(filters).length > 0 ? "No job matches these filters." : "No jobs yet."}</EmptyRow>}
          {jobs.items.map((job) => (
            <tr key={job.jobId}>
              <Td className="font-mono">
                <Link href={`/jobs/${job.jobId}`}>{job.jobId}</Link>
              </Td>
              <Td>
                <JobStateBadge state={job.state} />
              </Td>
              <Td>{JOB_TYPE_LABELS[job.jobType]}</Td>
              <Td className="min-w-56">
                <span className="font-mono text-xs">{job.packageId}</span> {job.packageName}
              </Td>
              <Td>{job.commandName ?? "—"}</Td>
              <Td>
                <WallClockTime value={job.offerAfter} now={now} />
              </Td>
              <Td>
                <WallClockTime value={job.mandatoryAfter} now={now} />
              </Td>
              <Td>
                <WallClockTime value={job.expireAfter} now={now} />
              </Td>
              <Td className="text-right">
                {job.state !== "PENDING" ? job.targetCount.toLocaleString("en-US") : job.estimatedTargetCount === undefined ? "—" : <span title="Resolved when the job is sent">about {job.estimatedTargetCount.toLocaleString("en-US")}</span>}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={jobs.page} pageCount={jobs.pageCount} total={jobs.total} noun="job" hrefFor={hrefFor} />
    </>
  );
}

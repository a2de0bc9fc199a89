import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { WallClockTime } from "@/components/wall-clock-time";
import { listJobs } from "@/lib/data/jobs";
import { JOB_STATE_LABELS } from "@/lib/jobs/lifecycle";
import { JOB_STATES, type JobState } from "@/lib/jobs/schema";
import { pageNumberSchema } from "@/lib/schema-fields";
import { currentWallClock } from "@/lib/wall-clock";
import { JobStateBadge } from "./job-states";
import { requirePermission } from "../access";
import { can } from "@/lib/access/roles";

export const metadata = { title: "Jobs" };

export default async function JobsPage({ searchParams }: PageProps<"/jobs">) {
  const actor = await requirePermission("console:read");
  const canChangeJobs = can(actor.role, "jobs:write");
  const query = await searchParams;
  const state = (JOB_STATES as readonly string[]).includes(String(query.state)) ? (query.state as JobState) : undefined;
  const page = pageNumberSchema.parse(query.page);
  const jobs = await listJobs({ state, page });
  const now = currentWallClock();
  const hrefFor = (target: number) => `/jobs?${new URLSearchParams({ ...(state ? { state } : {}), page: String(target) })}`;
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
      <nav aria-label="Job states" className="mb-3 flex flex-wrap gap-2 text-sm">
        <Link href="/jobs" aria-current={state ? undefined : "page"} className={state ? "" : "font-semibold"}>
          All
        </Link>
        {JOB_STATES.map((value) => (
          <Link key={value} href={`/jobs?state=${value}`} aria-current={state === value ? "page" : undefined} className={state === value ? "font-semibold" : ""}>
            {JOB_STATE_LABELS[value]}
          </Link>
        ))}
      </nav>
      <Table>
        <thead>
          <tr>
            <Th>Job</Th>
            <Th>State</Th>
            <Th>Package</Th>
            <Th>Command line</Th>
            <Th>Offer After</Th>
            <Th>Mandatory After</Th>
            <Th>Expire After</Th>
            <Th className="text-right">Targets</Th>
          </tr>
        </thead>
        <tbody>
          {jobs.items.length === 0 && <EmptyRow colSpan={8}>No jobs{state ? ` in state ${JOB_STATE_LABELS[state]}` : ""}.</EmptyRow>}
          {jobs.items.map((job) => (
            <tr key={job.jobId}>
              <Td className="font-mono">
                <Link href={`/jobs/${job.jobId}`}>{job.jobId}</Link>
              </Td>
              <Td>
                <JobStateBadge state={job.state} />
              </Td>
              <Td>
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
              <Td className="text-right">{job.state === "PENDING" ? "—" : job.targetCount.toLocaleString("en-US")}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={jobs.page} pageCount={jobs.pageCount} total={jobs.total} noun="job" hrefFor={hrefFor} />
    </>
  );
}

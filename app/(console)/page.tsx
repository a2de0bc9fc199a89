import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { WallClockTime } from "@/components/wall-clock-time";
import { getDashboard, type DashboardJob } from "@/lib/data/console/dashboard";
import { getConsoleTotals } from "@/lib/data/console/overview";
import { JOB_STATE_LABELS } from "@/lib/jobs/lifecycle";
import { currentWallClock } from "@/lib/wall-clock";
import { JobTimeline } from "./job-timeline";
import { requirePermission } from "./access";
import { can } from "@/lib/access/roles";

export const metadata = { title: "Dashboard" };

function UpcomingTable({ label, jobs, dateOf, now }: { label: string; jobs: DashboardJob[]; dateOf: (job: DashboardJob) => string | null; now: string }) {
  return (
    <Table aria-label={label}>
      <thead>
        <tr>
          <Th>Job</Th>
          <Th>Package</Th>
          <Th>When</Th>
        </tr>
      </thead>
      <tbody>
        {jobs.length === 0 && <EmptyRow colSpan={3}>None in the next 7 days.</EmptyRow>}
        {jobs.map((job) => (
          <tr key={job.jobId}>
            <Td className="font-mono">
              <Link href={`/jobs/${job.jobId}`}>{job.jobId}</Link>
            </Td>
            <Td>{job.packageName}</Td>
            <Td>
              <WallClockTime value={dateOf(job)} now={now} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export default async function DashboardPage() {
  const actor = await requirePermission("console:read");
  const canChangeJobs = can(actor.role, "jobs:write");
  const now = currentWallClock();
  const [totals, dashboard] = await Promise.all([getConsoleTotals(), getDashboard({ now })]);
  const inventory = [
    { href: "/packages", label: "Packages", value: totals.packages, detail: `${totals.commandLines} workstation command lines` },
    { href: "/sites", label: "Sites", value: totals.sites, detail: `${totals.servers} servers` },
    { href: "/computers", label: "Computers", value: totals.computers, detail: "in inventory" },
    { href: "/machine-groups", label: "Machine groups", value: totals.machineGroups, detail: "targets and server groups" },
  ];
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          <>
            Site wall clock now: <WallClockTime value={now} now={now} />
          </>
        }
        actions={
          canChangeJobs ? (
            <ButtonLink href="/jobs/new" variant="primary">
              New job
            </ButtonLink>
          ) : undefined
        }
      />
      <section aria-labelledby="jobs-by-state" className="mb-6">
        <h2 id="jobs-by-state" className="mb-2 text-lg font-semibold">
          Jobs by state
        </h2>
        <ul className="grid grid-cols-3 gap-3 sm:grid-cols-6">
          {(Object.keys(dashboard.jobsByState) as (keyof typeof dashboard.jobsByState)[]).map((state) => (
            <li key={state}>
              <Link
                href={`/jobs?state=${state}`}
                className="block rounded border border-slate-200 bg-white p-3 no-underline shadow-sm hover:border-blue-400 hover:no-underline"
              >
                <span className="block text-xs text-slate-600">{JOB_STATE_LABELS[state]}</span>
                <span className="block text-2xl font-semibold text-slate-900">{dashboard.jobsByState[state]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <section aria-labelledby="turning-mandatory" className="min-w-0">
          <h2 id="turning-mandatory" className="mb-2 text-lg font-semibold">
            Turning mandatory in the next 7 days
          </h2>
          <UpcomingTable label="Turning mandatory" jobs={dashboard.turningMandatory} dateOf={(job) => job.mandatoryAfter} now={now} />
        </section>
        <section aria-labelledby="expiring" className="min-w-0">
          <h2 id="expiring" className="mb-2 text-lg font-semibold">
            Expiring in the next 7 days
          </h2>
          <UpcomingTable label="Expiring" jobs={dashboard.expiring} dateOf={(job) => job.expireAfter} now={now} />
        </section>
      </div>
      <section aria-labelledby="timeline" className="mb-6 rounded border border-slate-200 bg-white p-4">
        <h2 id="timeline" className="mb-2 text-lg font-semibold">
          Timeline of pending and active jobs
        </h2>
        <JobTimeline jobs={dashboard.timeline} now={now} />
      </section>
      <section aria-labelledby="inventory">
        <h2 id="inventory" className="mb-2 text-lg font-semibold">
          Inventory
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {inventory.map((tile) => (
            <li key={tile.href}>
              <Link href={tile.href} className="block rounded border border-slate-200 bg-white p-4 no-underline shadow-sm hover:border-blue-400 hover:no-underline">
                <span className="block text-sm text-slate-600">{tile.label}</span>
                <span className="block text-3xl font-semibold text-slate-900">{tile.value.toLocaleString("en-US")}</span>
                <span className="block text-xs text-slate-500">{tile.detail}</span>
              </Link>
            </li>
          ))}
        </ul>
        {totals.sites === 0 && (
          <p className="mt-6 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
            The console is empty. <Link href="/import-export">Import a site document</Link> or create a <Link href="/sites/new">site</Link> to begin.
          </p>
        )}
      </section>
    </>
  );
}

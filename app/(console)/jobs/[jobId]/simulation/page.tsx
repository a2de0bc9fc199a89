import Link from "next/link";
import { notFound } from "next/navigation";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { WallClockTime } from "@/components/wall-clock-time";
import { hasWhatIf, simulateJob } from "@/lib/data/review/job-simulation";
import { listServerJobTargets } from "@/lib/data/job-status/job-status";
import { getJob } from "@/lib/data/jobs/jobs";
import { JOB_TYPE_LABELS } from "@/lib/jobs/schema";
import { pageNumberSchema } from "@/lib/schema-fields";
import { currentWallClock } from "@/lib/wall-clock";
import { ServerJobTargetsSection } from "../server-job-targets";
import { SummaryPanel } from "./summary-panel";
import { parseWhatIf, whatIfQuery } from "./what-if";
import { requirePermission } from "../../../access";
import { formatWallClock, wallClockInputText } from "@/lib/wall-clock-format";

export async function generateMetadata({ params }: PageProps<"/jobs/[jobId]/simulation">) {
  return { title: `What will clients do with ${(await params).jobId}?` };
}

const PAGE_SIZE = 50;

/** Each target's PCM, simulated from now to after the job's last date: who runs it, when, who never does and why. */
export default async function JobSimulationPage({ params, searchParams }: PageProps<"/jobs/[jobId]/simulation">) {
  await requirePermission("console:read");
  const { jobId } = await params;
  const query = await searchParams;
  const page = pageNumberSchema.parse(query.page);
  const now = currentWallClock();
  // No client sees a Share or Remove job: say so, and show what it does on each server instead.
  const serverTargets = await listServerJobTargets({ jobId });
  if (serverTargets) {
    return (
      <>
        <PageHeader
          title={`What will clients do with ${jobId}?`}
          description={
            <>
              Nothing: no client&apos;s Package Command Manager ever sees a {JOB_TYPE_LABELS[serverTargets.jobType]} job, so there is nothing to simulate. <Link href={`/jobs/${jobId}`}>Back to the job</Link>
            </>
          }
        />
        <ServerJobTargetsSection targets={serverTargets} />
      </>
    );
  }
  const [job, saved] = await Promise.all([getJob(jobId), simulateJob({ jobId, now })]);
  if (!job || !saved) notFound();
  const { whatIf, error } = parseWhatIf(query, { offerAfter: job.definition.runPhase.offerAfter, expireAfter: job.expireAfter ?? undefined });
  const tried = hasWhatIf(whatIf) ? await simulateJob({ jobId, now, whatIf }) : null;
  const shown = tried ?? saved;
  const queryString = whatIfQuery(whatIf);
  const rows = shown.simulations.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const run = job.definition.runPhase;
  return (
    <>
      <PageHeader
        title={`What will clients do with ${jobId}?`}
        description={
          <>
            Each target&apos;s Package Command Manager simulated from <WallClockTime value={shown.window.from} now={now} /> to <WallClockTime value={shown.window.to} now={now} />
            {job.storedState === "PENDING" ? `, as if the job were sent now (request ${shown.requestId})` : ""}. What the command does is assumed: it runs 5 minutes, succeeds and writes a status MIF.{" "}
            <Link href={`/jobs/${jobId}`}>Back to the job</Link>
          </>
        }
      />
      <form className="mb-4 grid gap-3 rounded border border-slate-200 bg-white p-4 md:grid-cols-5" aria-label="What if">
        <p className="text-sm md:col-span-5">
          <strong>What if</strong> the job had other dates, or the sites another polling interval? Nothing is saved.
        </p>
        {[
          ["offerAfter", "Offer After", run.offerAfter],
          ["mandatoryAfter", "Mandatory After", run.isMandatory ? run.mandatoryAfter : undefined],
          ["expireAfter", "Expire After", run.isExpiring ? run.expireAfter : undefined],
        ].map(([name, label, current]) => (
          <label key={name} className="text-sm">
            {label}
            <input name={name} type="text" autoComplete="off" defaultValue={wallClockInputText((whatIf[name as keyof typeof whatIf] as string | undefined) ?? "")} placeholder="YYYY-MM-DD HH:MM" className={`${inputClass} font-mono`} />
            <span className="text-xs text-slate-500">Saved: {current ? formatWallClock(current) : "not set"} (24-hour, site wall clock)</span>
          </label>
        ))}
        <label className="text-sm">
          PCM polling interval (minutes)
          <input name="pollingIntervalMinutes" type="number" min={1} max={1440} defaultValue={whatIf.pollingIntervalMinutes ?? ""} className={inputClass} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm text-white">
            Simulate
          </button>
          {tried && <Link href={`/jobs/${jobId}/simulation`}>Clear</Link>}
        </div>
        {error && (
          <p role="alert" className="text-sm text-red-700 md:col-span-5">
            {error}
          </p>
        )}
      </form>
      <div className={`mb-6 grid gap-4 ${tried ? "lg:grid-cols-2" : ""}`}>
        <SummaryPanel title={tried ? "As saved" : "Summary"} summary={saved.summary} jobId={jobId} query="" />
        {tried && <SummaryPanel title="What if" summary={tried.summary} jobId={jobId} query={queryString} />}
      </div>
      <h2 className="mb-2 text-lg font-semibold">Targets{tried ? " (what if)" : ""}</h2>
      <Table aria-label="Simulated targets">
        <thead>
          <tr>
            <Th>SMS ID</Th>
            <Th>Runs it</Th>
            <Th>First run</Th>
            <Th>By</Th>
            <Th>Why not</Th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && <EmptyRow colSpan={5}>The job has no targets.</EmptyRow>}
          {rows.map((simulation) => (
            <tr key={simulation.smsId}>
              <Td className="font-mono">
                <Link href={`/jobs/${jobId}/simulation/${simulation.smsId}${queryString}`}>{simulation.smsId}</Link>
              </Td>
              <Td>{simulation.outcome.runs ? "Yes" : "Never"}</Td>
              <Td>{simulation.outcome.firstRunAt ? <WallClockTime value={simulation.outcome.firstRunAt} now={now} /> : "—"}</Td>
              <Td>{simulation.requests[0]?.ranBy === "service" ? "PCM service" : simulation.requests[0]?.ranBy === "desktop" ? "Desktop PCM" : "—"}</Td>
              <Td className="text-xs">{simulation.outcome.runs ? "" : simulation.outcome.reasons.map((reason) => reason.message).join("; ")}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination
        page={page}
        pageCount={Math.max(1, Math.ceil(shown.simulations.length / PAGE_SIZE))}
        total={shown.simulations.length}
        noun="target"
        hrefFor={(target) => `/jobs/${jobId}/simulation${queryString ? `${queryString}&` : "?"}page=${target}`}
      />
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { kbArticleHref } from "@/components/finding-card";
import { PageHeader } from "@/components/ui/page-header";
import { WallClockTime } from "@/components/wall-clock-time";
import { simulateJobTarget } from "@/lib/data/job-simulation";
import { currentWallClock } from "@/lib/wall-clock";
import { parseWhatIf, whatIfQuery } from "../what-if";
import { ClientTimeline } from "./client-timeline";
import { requirePermission } from "../../../../access";

export async function generateMetadata({ params }: PageProps<"/jobs/[jobId]/simulation/[smsId]">) {
  const { jobId, smsId } = await params;
  return { title: `${smsId} and ${jobId}` };
}

/** One target's simulated PCM: its timeline and its log, line for line as PCM writes it. */
export default async function TargetSimulationPage({ params, searchParams }: PageProps<"/jobs/[jobId]/simulation/[smsId]">) {
  await requirePermission("console:read");
  const { jobId, smsId } = await params;
  const { whatIf } = parseWhatIf(await searchParams);
  const now = currentWallClock();
  const result = await simulateJobTarget({ jobId, smsId, now, whatIf });
  if (!result) notFound();
  const { outcome } = result.simulation;
  return (
    <>
      <PageHeader
        title={`${smsId}: what its PCM does with ${jobId}`}
        description={
          <>
            <Link href={`/jobs/${jobId}/simulation${whatIfQuery(whatIf)}`}>All targets</Link> · <Link href={`/computers/${smsId}`}>Computer {smsId}</Link>
          </>
        }
      />
      <p className="mb-3 text-sm" role="status">
        {outcome.runs && outcome.firstRunAt ? (
          <>
            Runs the command at <WallClockTime value={outcome.firstRunAt} now={now} />.
          </>
        ) : (
          <>
            Never runs the command:{" "}
            {outcome.reasons.map((reason, index) => (
              <span key={index}>
                {index > 0 && "; "}
                {reason.message} {reason.rule && <Link href={`/rules#${reason.rule}`}>{reason.rule}</Link>} <a href={kbArticleHref(reason.article)}>{reason.article}</a>
              </span>
            ))}
          </>
        )}
      </p>
      <section className="mb-4 rounded border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">Timeline</h2>
        <ClientTimeline events={result.simulation.events} window={result.window} />
      </section>
      {result.logs.length === 0 && <p className="text-sm text-slate-600">No PCM runs on this client in the window, so it writes no log.</p>}
      {result.logs.map((log) => (
        <section key={log.fileName} className="mb-4">
          <h2 className="mb-1 font-mono font-semibold">
            {log.fileName} ({log.process === "service" ? "PCM service" : "desktop PCM"})
          </h2>
          <pre aria-label={log.fileName} className="max-h-[32rem] overflow-auto rounded border border-slate-300 bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100">
            {log.lines.length > 0 ? log.lines.join("\n") : "(nothing written in the window)"}
          </pre>
          {log.isTruncated && <p className="text-xs text-slate-600">The log is cut at {log.lines.length.toLocaleString("en-US")} lines.</p>}
        </section>
      ))}
    </>
  );
}

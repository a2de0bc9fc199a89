import Link from "next/link";
import { kbArticleHref } from "@/components/finding-card";
import type { SimulationSummary } from "@/lib/simulation/summarise-simulations";
import { RunsHistogram } from "./runs-histogram";

/** How many targets will run the command and when; how many never will, by reason. */
export function SummaryPanel({ title, summary, jobId, query }: { title: string; summary: SimulationSummary; jobId: string; query: string }) {
  return (
    <section aria-label={title} className="rounded border border-slate-200 bg-white p-4">
      <h2 className="mb-1 font-semibold">{title}</h2>
      <p className="mb-2 text-sm" role="status">
        {summary.runCount} of {summary.targetCount} targets will run the command; {summary.neverCount} never will.
      </p>
      <RunsHistogram summary={summary} label={`${title}: first runs per day`} />
      {summary.neverByReason.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-semibold">Never, by reason</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {summary.neverByReason.map((group) => (
              <li key={group.key}>
                <span className="font-semibold">{group.smsIds.length}</span> {group.message}{" "}
                {group.rule && <Link href={`/rules#${group.rule}`}>{group.rule}</Link>} <a href={kbArticleHref(group.article)}>{group.article}</a>
                <span className="text-xs text-slate-600">
                  {" "}
                  (
                  {group.smsIds.slice(0, 5).map((smsId, index) => (
                    <span key={smsId}>
                      {index > 0 && ", "}
                      <Link href={`/jobs/${jobId}/simulation/${smsId}${query}`}>{smsId}</Link>
                    </span>
                  ))}
                  {group.smsIds.length > 5 && ` and ${group.smsIds.length - 5} more`})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { kbArticleHref } from "@/components/finding-card";
import { PageHeader } from "@/components/ui/page-header";
import { WallClockTime } from "@/components/wall-clock-time";
import { simulateJobTarget } from "@/lib/data/review/job-simulation";
import { LOG_SHOW_LABELS, LOG_SHOW_OPTIONS, viewLog, type LogShow } from "@/lib/simulation/log-view";
import { pageNumberSchema } from "@/lib/schema-fields";
import { SMS_ID_PATTERN } from "@/lib/sms-id";
import { currentWallClock } from "@/lib/wall-clock";
import { parseWhatIf, whatIfQuery } from "../what-if";
import { ClientTimeline } from "./client-timeline";
import { LogPanel } from "./log-panel";
import { requirePermission } from "../../../../access";

export async function generateMetadata({ params }: PageProps<"/jobs/[jobId]/simulation/[smsId]">) {
  const { jobId, smsId } = await params;
  return { title: `${smsId} and ${jobId}` };
}

/** Above this many targets the target is typed, not picked from a list. */
const MAX_TARGET_OPTIONS = 1_000;
const PAGE_PARAMS = { desktop: "desktopPage", service: "servicePage" } as const;

function single(query: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const value = query[key];
  return typeof value === "string" ? value : undefined;
}

/**
 * One target's simulated PCM: its timeline and its logs, line for line as PCM writes them, with
 * filters (another target, runs or errors only, text), identical polls folded and jumps to the runs.
 */
export default async function TargetSimulationPage({ params, searchParams }: PageProps<"/jobs/[jobId]/simulation/[smsId]">) {
  await requirePermission("console:read");
  const { jobId, smsId } = await params;
  const query = await searchParams;
  const { whatIf } = parseWhatIf(query);
  const show: LogShow = (LOG_SHOW_OPTIONS as readonly string[]).includes(single(query, "show") ?? "") ? (single(query, "show") as LogShow) : "all";
  const text = (single(query, "text") ?? "").replace(/[\u0000-\u001f]/g, "").slice(0, 200);
  const filters = { ...Object.fromEntries(new URLSearchParams(whatIfQuery(whatIf))), ...(show !== "all" ? { show } : {}), ...(text ? { text } : {}) };
  const hrefWith = (target: string, extra: Record<string, string> = {}) => {
    const search = new URLSearchParams({ ...filters, ...extra }).toString();
    return `/jobs/${jobId}/simulation/${target}${search ? `?${search}` : ""}`;
  };
  const asked = single(query, "target")?.trim().toUpperCase();
  const now = currentWallClock();
  const result = await simulateJobTarget({ jobId, smsId, now, whatIf });
  if (!result) notFound();
  let targetError: string | null = null;
  if (asked && asked !== smsId) {
    if (!SMS_ID_PATTERN.test(asked)) targetError = `Target must be an SMS ID of 8 letters and digits, such as ${smsId}`;
    else if (!result.targetSmsIds?.includes(asked)) targetError = `${asked} is not a target of ${jobId}`;
    else redirect(hrefWith(asked));
  }
  const targets = result.targetSmsIds ?? [smsId];
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
      <form method="get" aria-label="Filter the log" className="mb-4 grid gap-3 rounded border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        {Object.entries(whatIf).map(([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={String(value)} />)}
        <label className="text-sm">
          Target
          {targets.length <= MAX_TARGET_OPTIONS ? (
            <select name="target" defaultValue={smsId} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono">
              {targets.map((target) => (
                <option key={target} value={target}>
                  {target}
                </option>
              ))}
            </select>
          ) : (
            <input name="target" type="text" defaultValue={smsId} maxLength={8} autoComplete="off" className="mt-1 block w-full rounded border border-slate-300 px-2 py-1 font-mono" />
          )}
        </label>
        <label className="text-sm">
          Show
          <select name="show" defaultValue={show} className="mt-1 block w-full rounded border border-slate-300 px-2 py-1">
            {LOG_SHOW_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {LOG_SHOW_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Lines containing
          <input name="text" type="search" defaultValue={text} maxLength={200} autoComplete="off" placeholder="e.g. Packages after filter" className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" />
        </label>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm text-white">
            Filter
          </button>
          {(show !== "all" || text) && <Link href={`/jobs/${jobId}/simulation/${smsId}${whatIfQuery(whatIf)}`}>Clear</Link>}
        </div>
        {targetError && (
          <p role="alert" className="text-sm text-red-700 sm:col-span-2 lg:col-span-4">
            {targetError}
          </p>
        )}
      </form>
      {result.logs.length === 0 && <p className="text-sm text-slate-600">No PCM runs on this client in the window, so it writes no log.</p>}
      {result.logs.map((log) => {
        const pageParam = PAGE_PARAMS[log.process];
        const view = viewLog(log.lines, log.texts, { show, text, page: pageNumberSchema.parse(single(query, pageParam)) });
        const otherPages = Object.fromEntries(
          Object.values(PAGE_PARAMS)
            .filter((param) => param !== pageParam && single(query, param))
            .map((param) => [param, single(query, param) as string]),
        );
        return <LogPanel key={log.fileName} log={log} view={view} hrefForPage={(page) => hrefWith(smsId, { ...otherPages, ...(page > 1 ? { [pageParam]: String(page) } : {}) })} />;
      })}
    </>
  );
}

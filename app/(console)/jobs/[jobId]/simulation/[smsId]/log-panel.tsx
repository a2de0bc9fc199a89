import Link from "next/link";
import type { ClientLog } from "@/lib/simulation/log-writer";
import { describeFold, logLineTime, type LogView } from "@/lib/simulation/log-view";

const number = (value: number) => value.toLocaleString("en-US");

/**
 * One PCM log as the filters leave it: runs of identical polls folded, a page of lines at a time,
 * and jumps to the runs and errors (each on the page it is on).
 */
export function LogPanel({ log, view, hrefForPage }: { log: ClientLog; view: LogView; hrefForPage: (page: number) => string }) {
  const processName = log.process === "service" ? "PCM service" : "desktop PCM";
  const runs = view.jumps.filter((jump) => jump.kind === "run");
  const errors = view.jumps.filter((jump) => jump.kind === "error");
  const hrefFor = (page: number, anchor?: string) => (page === view.page && anchor ? `#${anchor}` : `${hrefForPage(page)}${anchor ? `#${anchor}` : ""}`);
  return (
    // Only the lines carry the file's name as their label, so "the PACMAN.LOG" is one thing on the page.
    <section className="mb-6">
      <h2 className="mb-1 font-mono font-semibold">
        {log.fileName} <span className="font-sans font-normal">({processName})</span>
      </h2>
      <p className={view.totalLines === 0 ? "hidden" : "mb-2 text-xs text-slate-600"}>
        {number(view.matchingLines)} of {number(view.totalLines)} lines match{view.pageCount > 1 ? ` · page ${view.page} of ${view.pageCount}` : ""}. Runs of more than three identical polls
        show the first and the last.
        {log.isTruncated && ` The log is cut at ${number(log.lines.length)} lines.`}
      </p>
      {(runs.length > 0 || errors.length > 0) && (
        <nav aria-label={`Runs and errors in the ${processName} log`} className="mb-2 space-y-1 text-xs">
          {[
            ["Runs", runs],
            ["Errors", errors],
          ].map(([title, jumps]) =>
            (jumps as typeof runs).length > 0 ? (
              <div key={title as string} className="flex flex-wrap gap-x-3 gap-y-1">
                <span className="font-semibold">{title as string}:</span>
                {(jumps as typeof runs).map((jump) => (
                  <Link key={jump.anchor} href={hrefFor(jump.page, jump.anchor)} className="font-mono">
                    {logLineTime(jump.line) ?? `line ${number(Number(jump.anchor.slice("line-".length)))}`}
                  </Link>
                ))}
              </div>
            ) : null,
          )}
        </nav>
      )}
      <div
        role="log"
        aria-label={log.fileName}
        className="max-h-[40rem] overflow-auto rounded border border-slate-300 bg-slate-900 p-3 font-mono text-xs leading-5 whitespace-pre text-slate-100"
      >
        {view.entries.length === 0 && <div className="text-slate-400">{view.totalLines === 0 ? "(nothing written in the window)" : "(no line matches the filters)"}</div>}
        {view.entries.map((entry) =>
          entry.type === "fold" ? (
            <div key={`fold-${entry.fromLine}`} className="my-1 rounded bg-slate-700 px-2 text-slate-200">
              {describeFold(entry)}
            </div>
          ) : (
            <div key={entry.anchor} id={entry.anchor} className={entry.startsRun ? "mt-1 border-l-2 border-emerald-400 pl-1" : entry.hasError ? "border-l-2 border-red-400 pl-1" : undefined}>
              {entry.lines.map((line) => (
                <div key={line.number} className={line.isError ? "text-red-300" : undefined}>
                  <span className="mr-2 inline-block w-12 text-right text-slate-500 select-none">{line.number}</span>
                  {line.line}
                </div>
              ))}
            </div>
          ),
        )}
      </div>
      {view.pageCount > 1 && (
        <nav aria-label={`Pages of the ${processName} log`} className="mt-1 flex gap-3 text-sm">
          {view.page > 1 ? <Link href={hrefFor(view.page - 1)}>← Earlier lines</Link> : <span className="text-slate-400">← Earlier lines</span>}
          {view.page < view.pageCount ? <Link href={hrefFor(view.page + 1)}>Later lines →</Link> : <span className="text-slate-400">Later lines →</span>}
        </nav>
      )}
    </section>
  );
}

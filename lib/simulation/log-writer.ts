import type { PcmProcess } from "./simulation-result";

export type LogFileName = "Pcmwin.log" | "PACMAN.LOG";

export interface ClientLog {
  process: PcmProcess;
  fileName: LogFileName;
  lines: string[];
  /** Each line without its time: what the log view folds and filters by (lib/simulation/log-view.ts). */
  texts: string[];
  /** Stopped at `maxLines`: a command that never ends logs "Job still running" every 2.5 seconds (Q214448). */
  isTruncated: boolean;
}

export interface LogRange {
  /** Site wall clock; lines before it are left out. */
  from?: string;
  /** Site wall clock; lines after it are left out. */
  to?: string;
  /** 20,000 when absent. */
  maxLines?: number;
}

export const DEFAULT_MAX_LOG_LINES = 20_000;

/**
 * Collects one log's lines within a range. Times are site-clock ms; `format` receives the client's
 * clock, which is what the client's log prints (its offset added).
 */
export class LogWriter {
  readonly lines: string[] = [];
  readonly texts: string[] = [];
  isTruncated = false;

  constructor(
    readonly fromMs: number,
    readonly toMs: number,
    private readonly maxLines: number,
    private readonly offsetMs: number,
    private readonly format: (clientMs: number, text: string) => string,
  ) {}

  /** False once nothing more can be written: past the range's end, or full. */
  get isOpen(): boolean {
    return !this.isTruncated;
  }

  isPast(ms: number): boolean {
    return ms > this.toMs;
  }

  write(ms: number, text: string): void {
    if (ms < this.fromMs || ms > this.toMs || this.isTruncated) return;
    if (this.lines.length >= this.maxLines) {
      this.isTruncated = true;
      return;
    }
    this.lines.push(this.format(ms + this.offsetMs, text));
    this.texts.push(text);
  }
}

/** One line before formatting: site-clock ms and the text after the log's own prefix. */
export interface LogLine {
  ms: number;
  text: string;
}

/** Lines that start with one event and run on in time order (a poll repeated N times, a job's monitoring loop). */
export interface LogSource {
  startMs: number;
  lines: () => Iterator<LogLine>;
}

interface ActiveSource {
  head: LogLine;
  iterator: Iterator<LogLine>;
  order: number;
}

/**
 * Writes the sources' lines in time order (ties: the earlier event first), pulling each source only
 * as far as needed: a merged poll event can span days that a run started in the middle of.
 */
export function writeMerged(sources: readonly LogSource[], writer: LogWriter): void {
  const active: ActiveSource[] = [];
  let nextSource = 0;
  const earliest = () => active.reduce((best, entry) => (entry.head.ms < best.head.ms || (entry.head.ms === best.head.ms && entry.order < best.order) ? entry : best));
  for (;;) {
    while (nextSource < sources.length && (active.length === 0 || (sources[nextSource] as LogSource).startMs <= earliest().head.ms)) {
      const iterator = (sources[nextSource] as LogSource).lines();
      const first = iterator.next();
      if (!first.done) active.push({ head: first.value, iterator, order: nextSource });
      nextSource += 1;
    }
    if (active.length === 0) return;
    const entry = earliest();
    if (writer.isPast(entry.head.ms) || !writer.isOpen) return;
    writer.write(entry.head.ms, entry.head.text);
    const next = entry.iterator.next();
    if (next.done) active.splice(active.indexOf(entry), 1);
    else entry.head = next.value;
  }
}

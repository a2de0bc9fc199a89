import type { PcmProcess } from "./simulation-result";

export type LogFileName = "Pcmwin.log" | "PACMAN.LOG";

export interface ClientLog {
  process: PcmProcess;
  fileName: LogFileName;
  lines: string[];
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
  }
}

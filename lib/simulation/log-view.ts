/**
 * A long PCM log made readable (issue 15, item 11): a client polling every minute for a week writes
 * 12,000 lines that say the same thing. The log is cut into blocks (a start-up, one poll, one check
 * of a running job), runs of identical blocks are folded to their first and last with a count
 * between, and the rest is filtered and paged. Pure: the page and the tests call it with a log's lines.
 */

/** What a block of the log is: PCM starting, one poll of the instruction file, or part of a run. */
export type LogBlockKind = "start" | "poll" | "run";

/** Which blocks to show: every one, those of runs, or those with an error line. */
export const LOG_SHOW_OPTIONS = ["all", "runs", "errors"] as const;
export type LogShow = (typeof LOG_SHOW_OPTIONS)[number];

export const LOG_SHOW_LABELS: Record<LogShow, string> = { all: "Everything", runs: "Runs only", errors: "Errors only" };

export interface LogLineView {
  /** 1-based line number in the whole log. */
  number: number;
  line: string;
  isError: boolean;
}

export type LogEntry =
  | { type: "block"; kind: LogBlockKind; lines: LogLineView[]; hasError: boolean; anchor: string; startsRun: boolean }
  | { type: "fold"; kind: LogBlockKind; count: number; fromLine: number; toLine: number };

export interface LogJump {
  kind: "run" | "error";
  anchor: string;
  page: number;
  /** The block's first line as the log prints it: its time, and what happened. */
  line: string;
}

export interface LogView {
  entries: LogEntry[];
  page: number;
  pageCount: number;
  totalLines: number;
  /** Lines that pass the filters, folded or not. */
  matchingLines: number;
  /** The runs and error blocks, in log order, each with the page it is on. */
  jumps: LogJump[];
}

export interface LogViewOptions {
  show?: LogShow;
  /** Kept lines contain it, ignoring case (the time is part of a line, so "18:0" finds a time too). */
  text?: string;
  page?: number;
  /** Lines (and fold markers) on a page; 400 when absent. */
  pageSize?: number;
}

export const LOG_PAGE_SIZE = 400;
/** More jumps than this are not listed: the filters narrow them down. */
export const MAX_LOG_JUMPS = 100;

/** Lines that begin a block, by the text after the log's own time prefix (Pcmwin.log's start with "==> "). */
const BLOCK_STARTS: readonly [RegExp, LogBlockKind][] = [
  [/^==> Initializing \.+$/, "start"],
  [/^==> Polling \.+$/, "poll"],
  // PACMAN.LOG has no "Polling" line: a poll begins with the connection.
  [/^Connected to logon server:/, "poll"],
  [/^Executing command line:/, "run"],
  [/^==> Monitoring running job\.$/, "run"],
  [/^Job still running\.+$/, "run"],
];

/** A run ends with its completion: Pcmwin.log's last check, PACMAN.LOG's "Job completed." */
const RUN_ENDS = /^(?:==> A job is not in process\.|Job completed\.)$/;

const ERROR_LINE = /^(?:==> )?(?:Failed|Timed out|Exiting|No instruction file)/;

export function isErrorText(text: string): boolean {
  return ERROR_LINE.test(text);
}

function blockStartOf(text: string): LogBlockKind | null {
  for (const [pattern, kind] of BLOCK_STARTS) if (pattern.test(text)) return kind;
  return null;
}

interface Block {
  kind: LogBlockKind;
  /** Indexes into the log's lines. */
  first: number;
  end: number;
  startsRun: boolean;
}

/**
 * Cuts a log into blocks by its texts (each line without its time prefix); lines before the first
 * block start (a range that begins mid-run) form a block of the kind they continue, a run.
 */
export function logBlocks(texts: readonly string[]): Block[] {
  const blocks: Block[] = [];
  // Polls go on while a command runs; the run's later checks do not start another run.
  let isInRun = false;
  for (const [index, text] of texts.entries()) {
    const kind = blockStartOf(text) ?? (blocks.length === 0 ? "run" : null);
    if (kind === null) {
      (blocks.at(-1) as Block).end = index + 1;
    } else {
      blocks.push({ kind, first: index, end: index + 1, startsRun: kind === "run" && !isInRun });
      if (kind === "run") isInRun = true;
    }
    if (RUN_ENDS.test(text)) isInRun = false;
  }
  return blocks;
}

interface ShownBlock {
  block: Block;
  /** Indexes of the block's lines that pass the text filter. */
  kept: number[];
  key: string;
  hasError: boolean;
}

function keptLines(block: Block, lines: readonly string[], needle: string): number[] {
  const kept: number[] = [];
  for (let index = block.first; index < block.end; index += 1) {
    if (!needle || (lines[index] as string).toLowerCase().includes(needle)) kept.push(index);
  }
  return kept;
}

/** Identical runs of blocks longer than this fold to their first and last with a count between. */
const FOLD_AFTER = 3;

/**
 * The entries a log shows with the filters: blocks, and fold markers standing for runs of identical
 * blocks (identical texts: only the times differ). `lines` are the log's lines as printed; `texts`
 * the same lines without their time, from the log writer.
 */
export function viewLog(lines: readonly string[], texts: readonly string[], options: LogViewOptions = {}): LogView {
  const show = options.show ?? "all";
  const needle = (options.text ?? "").trim().toLowerCase();
  const pageSize = Math.max(1, options.pageSize ?? LOG_PAGE_SIZE);

  const shown: ShownBlock[] = [];
  for (const block of logBlocks(texts)) {
    const hasError = texts.slice(block.first, block.end).some(isErrorText);
    if (show === "runs" && block.kind !== "run") continue;
    if (show === "errors" && !hasError) continue;
    const kept = keptLines(block, lines, needle);
    if (kept.length === 0) continue;
    shown.push({ block, kept, key: `${block.kind}\n${kept.map((index) => texts[index]).join("\n")}`, hasError });
  }

  const entries: LogEntry[] = [];
  const toEntry = (item: ShownBlock): LogEntry => ({
    type: "block",
    kind: item.block.kind,
    lines: item.kept.map((index) => ({ number: index + 1, line: lines[index] as string, isError: isErrorText(texts[index] as string) })),
    hasError: item.hasError,
    anchor: `line-${item.block.first + 1}`,
    startsRun: item.block.startsRun,
  });
  let matchingLines = 0;
  for (let start = 0; start < shown.length; ) {
    let end = start + 1;
    while (end < shown.length && (shown[end] as ShownBlock).key === (shown[start] as ShownBlock).key) end += 1;
    const run = shown.slice(start, end);
    for (const item of run) matchingLines += item.kept.length;
    if (run.length > FOLD_AFTER) {
      const folded = run.slice(1, -1);
      entries.push(toEntry(run[0] as ShownBlock), {
        type: "fold",
        kind: (run[0] as ShownBlock).block.kind,
        count: folded.length,
        fromLine: (folded[0] as ShownBlock).block.first + 1,
        toLine: (folded.at(-1) as ShownBlock).block.end,
      });
      entries.push(toEntry(run.at(-1) as ShownBlock));
    } else {
      entries.push(...run.map(toEntry));
    }
    start = end;
  }

  // Pages of about pageSize lines; a block is never split (a block is a handful of lines).
  const pages: LogEntry[][] = [[]];
  let used = 0;
  for (const entry of entries) {
    const size = entry.type === "fold" ? 1 : entry.lines.length;
    if (used > 0 && used + size > pageSize) {
      pages.push([]);
      used = 0;
    }
    (pages.at(-1) as LogEntry[]).push(entry);
    used += size;
  }
  const pageCount = pages.length;
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1)), pageCount);

  const jumps: LogJump[] = [];
  pages.forEach((entriesOfPage, index) => {
    for (const entry of entriesOfPage) {
      if (entry.type !== "block" || jumps.length >= MAX_LOG_JUMPS) continue;
      const kind = entry.startsRun ? "run" : entry.hasError ? "error" : null;
      if (kind) jumps.push({ kind, anchor: entry.anchor, page: index + 1, line: (entry.lines[0] as LogLineView).line });
    }
  });

  return { entries: pages[page - 1] as LogEntry[], page, pageCount, totalLines: lines.length, matchingLines, jumps };
}

const FOLD_NOUNS: Record<LogBlockKind, [string, string]> = {
  start: ["identical start-up", "identical start-ups"],
  poll: ["identical poll", "identical polls"],
  run: ["identical check of the running job", "identical checks of the running job"],
};

/** "… 340 identical polls (lines 12 to 2,391) …" */
export function describeFold(entry: Extract<LogEntry, { type: "fold" }>): string {
  const [one, many] = FOLD_NOUNS[entry.kind];
  const number = (value: number) => value.toLocaleString("en-US");
  return `… ${number(entry.count)} ${entry.count === 1 ? one : many} (lines ${number(entry.fromLine)} to ${number(entry.toLine)}) …`;
}

/**
 * The time a log line prints, as it prints it: Pcmwin.log's "[03/02/98 18:01:00]", PACMAN.LOG's
 * "<Wed Mar  4 00:00:02 1998~>" or SMSTRACE's third column; null for a line with none of them.
 */
export function logLineTime(line: string): string | null {
  const time = /^\[([^\]]+)\]/.exec(line) ?? /<([A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4})~>/.exec(line) ?? /^[^\t]*\t[^\t]*\t([^\t]+)\t/.exec(line);
  return time ? (time[1] as string).replace(/ +/g, " ") : null;
}

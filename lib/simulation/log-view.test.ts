import { describe, expect, it } from "vitest";
import { describeFold, logBlocks, logLineTime, viewLog, type LogEntry } from "./log-view";
import { renderClientLogs } from "./render-client-logs";
import { simulateClient } from "./simulate-client";
import { desktopRecordFixture, simulationInputFixture, type SimulationInputChanges } from "./simulation-fixtures";

function logOf(changes: SimulationInputChanges, fileName: "Pcmwin.log" | "PACMAN.LOG") {
  const input = simulationInputFixture(changes);
  const log = renderClientLogs(input, simulateClient(input)).find((candidate) => candidate.fileName === fileName);
  if (!log) throw new Error(`no ${fileName}`);
  return log;
}

const folds = (entries: LogEntry[]) => entries.filter((entry) => entry.type === "fold");
const blocks = (entries: LogEntry[]) => entries.filter((entry) => entry.type === "block");

/** A Pcmwin-style log: one timestamp per line, `polls` identical polls a minute apart. */
function pollingLog(polls: number, options: { isEveryPollDifferent?: boolean } = {}) {
  const texts: string[] = ["==> Initializing .....", "==> PCM executed on Monday"];
  for (let poll = 0; poll < polls; poll += 1) {
    texts.push("==> Polling .....", "==> Attempting to refresh package collection from logon server.", options.isEveryPollDifferent ? `==> Packages after filter: ${poll}` : "==> No new packages found.");
  }
  const lines = texts.map((text, index) => `[${String(index).padStart(6, "0")}] Package Command Manager ${text}`);
  return { lines, texts };
}

describe("logBlocks", () => {
  it("cuts a log into start-up, polls and the run's checks, and marks where each run begins", () => {
    const texts = [
      "==> Initializing .....",
      "==> PCM executed on Monday",
      "==> Polling .....",
      "==> New packages found.",
      "==> Monitoring running job.",
      "==> The running process handle is 9230",
      "==> A job is in process.",
      "==> Polling .....",
      "==> No new packages found.",
      "==> Monitoring running job.",
      "==> A job is not in process.",
      "==> Polling .....",
      "==> Monitoring running job.",
    ];
    expect(logBlocks(texts).map(({ kind, first, end, startsRun }) => [kind, first, end, startsRun])).toEqual([
      ["start", 0, 2, false],
      ["poll", 2, 4, false],
      ["run", 4, 7, true],
      // A poll while the command runs does not make its next check a new run.
      ["poll", 7, 9, false],
      ["run", 9, 11, false],
      ["poll", 11, 12, false],
      ["run", 12, 13, true],
    ]);
  });

  it("reads PACMAN.LOG's polls from the connection and its runs from the launch", () => {
    const texts = ["Connected to logon server: \\\\S\\SMS_SHR", "Packages after filter: 1", "Executing command line: F:\\X\\SETUP.EXE", "Monitoring the job.", "Job still running............", "Job still running............", "Job completed.", "Writing status information to X"];
    expect(logBlocks(texts).map(({ kind, startsRun }) => [kind, startsRun])).toEqual([
      ["poll", false],
      ["run", true],
      ["run", false],
      ["run", false],
    ]);
  });
});

describe("viewLog", () => {
  it("folds a week of identical polls to the first and the last with the count between", () => {
    const { lines, texts } = pollingLog(4_000);
    expect(lines.length).toBe(12_002);
    const view = viewLog(lines, texts);
    expect(view.pageCount).toBe(1);
    expect(view.matchingLines).toBe(12_002);
    expect(blocks(view.entries).map((entry) => entry.lines[0]?.number)).toEqual([1, 3, 12_000]);
    const [fold] = folds(view.entries);
    expect(fold).toEqual({ type: "fold", kind: "poll", count: 3_998, fromLine: 6, toLine: 11_999 });
    expect(describeFold(fold as Extract<LogEntry, { type: "fold" }>)).toBe("… 3,998 identical polls (lines 6 to 11,999) …");
  });

  it("does not fold three identical polls, nor polls that differ", () => {
    const { lines, texts } = pollingLog(3);
    expect(folds(viewLog(lines, texts).entries)).toEqual([]);
    const changed = [...texts];
    changed[5] = "==> New packages found.";
    expect(folds(viewLog(lines, changed).entries)).toEqual([]);
  });

  it("filters by text, ignoring case, over the lines as printed (their time included)", () => {
    const { lines, texts } = pollingLog(10);
    const view = viewLog(lines, texts, { text: "  ATTEMPTING " });
    expect(view.matchingLines).toBe(10);
    expect(view.entries.flatMap((entry) => (entry.type === "block" ? entry.lines.map((line) => line.number) : []))).toEqual([4, 31]);
    expect(viewLog(lines, texts, { text: "[000007]" }).matchingLines).toBe(1);
    expect(viewLog(lines, texts, { text: "no such words" })).toMatchObject({ entries: [], matchingLines: 0, pageCount: 1, page: 1 });
  });

  it("pages by lines without splitting a block, and a page past the end shows the last", () => {
    // Every poll differs, so nothing folds: 2 + 150 lines.
    const { lines, texts } = pollingLog(50, { isEveryPollDifferent: true });
    const view = viewLog(lines, texts, { pageSize: 40, page: 99 });
    expect(view.pageCount).toBe(4);
    expect(view.page).toBe(4);
    const first = viewLog(lines, texts, { pageSize: 40 });
    expect(first.entries.reduce((count, entry) => count + (entry.type === "block" ? entry.lines.length : 1), 0)).toBe(38);
  });

  it("on a real Pcmwin.log: runs only, errors only, and a jump to each run on its page", () => {
    const log = logOf({ records: [desktopRecordFixture()], assumptions: { commandDurationMinutes: 0.1 } }, "Pcmwin.log");
    const all = viewLog(log.lines, log.texts);
    expect(all.totalLines).toBe(log.lines.length);
    expect(folds(all.entries).length).toBeGreaterThan(0);
    const runs = all.jumps.filter((jump) => jump.kind === "run");
    expect(runs.length).toBeGreaterThan(0);
    expect(runs[0]?.line).toMatch(/Monitoring running job\.$/);
    const onlyRuns = viewLog(log.lines, log.texts, { show: "runs" });
    expect(onlyRuns.entries.every((entry) => entry.kind === "run")).toBe(true);
    expect(onlyRuns.entries.flatMap((entry) => (entry.type === "block" ? entry.lines.map((line) => line.line) : []))).toContainEqual(expect.stringMatching(/A job is not in process\.$/));
    // The anchor of each jump is on the page it names.
    const small = viewLog(log.lines, log.texts, { pageSize: 20 });
    for (const jump of small.jumps.slice(0, 5)) {
      const page = viewLog(log.lines, log.texts, { pageSize: 20, page: jump.page });
      expect(page.entries.some((entry) => entry.type === "block" && entry.anchor === jump.anchor)).toBe(true);
    }
  });

  it("on a real PACMAN.LOG of a client with no instruction file: every poll is an error, folded", () => {
    const log = logOf({ client: { hasInteractiveUsers: false }, fileVersions: [] }, "PACMAN.LOG");
    const errors = viewLog(log.lines, log.texts, { show: "errors" });
    const shown = blocks(errors.entries);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((entry) => entry.hasError && entry.lines.some((line) => line.isError && line.line.startsWith("No instruction file.")))).toBe(true);
    expect(errors.jumps.every((jump) => jump.kind === "error")).toBe(true);
  });
});

describe("logLineTime", () => {
  it.each([
    ["[03/02/98 18:01:00] Package Command Manager ==> Polling .....", "03/02/98 18:01:00"],
    ["Job still running............~   $$<SMS_PACKAGE_COMMAND_MANAGER_NT><Wed Mar  4 00:00:02 1998~><thread=6E>", "Wed Mar 4 00:00:02 1998"],
    ["Job still running............\tSMS_PACKAGE_COMMAND_MANAGER_NT\t3/4/98 12:00:02 AM\t6E\t", "3/4/98 12:00:02 AM"],
    ["no time here", null],
  ])("%s", (line, time) => expect(logLineTime(line)).toBe(time));
});

import { describe, expect, it } from "vitest";
import {
  Q166765_SERVICE_ONLY_SKIP,
  Q188578_NO_LOGON_SERVER,
  Q214448_SERVICE_RUN,
  Q231378_SEMAPHORE_TIMEOUT,
  Q237690_NEW_PACKAGES,
  startsPcmwinEntry,
  unwrapKbExcerpt,
} from "./kb-log-excerpts";
import { renderClientLogs, type LogOptions } from "./render-client-logs";
import { simulateClient } from "./simulate-client";
import { desktopRecordFixture, instructionRecordFixture, simulationInputFixture, type SimulationInputChanges } from "./simulation-fixtures";
import type { SimulationInput } from "./simulation-input";
import type { PcmProcess } from "./simulation-result";

/** The simulation, and the lines of one of its logs. */
function run(changes: SimulationInputChanges, process: PcmProcess, options: LogOptions = {}) {
  const input: SimulationInput = simulationInputFixture(changes);
  const simulation = simulateClient(input);
  const log = renderClientLogs(input, simulation, options).find((entry) => entry.process === process);
  return { simulation, lines: log?.lines ?? [] };
}

/** The excerpt's entries appear in the log one after another, as a block. */
function expectBlock(lines: readonly string[], expected: readonly string[]) {
  const start = lines.indexOf(expected[0] as string);
  expect(start, `"${expected[0]}" is in the log`).toBeGreaterThanOrEqual(0);
  expect(lines.slice(start, start + expected.length)).toEqual(expected);
}

const withoutTimestamp = (line: string) => line.replace(/^\[\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d\] /, "");
const kinds = (simulation: ReturnType<typeof simulateClient>) => simulation.events.map((event) => event.kind);

describe("KB situations replayed", () => {
  it("Q166765: Pcmwin32 skips a package marked for service-only execution, and the service runs it", () => {
    const { simulation, lines } = run(
      {
        client: { smsId: "BP004000", logonServer: "MACGREGOR", smsClientServicePack: 2, sessions: [{ logonAt: "1997-04-09T16:51:07" }] },
        records: [instructionRecordFixture({ requestId: "BP0000Y", displayDate: "1997-04-09T08:00:00", installByDate: "1997-04-09T22:00:00" })],
        window: { from: "1997-04-09T16:00:00", to: "1997-04-10T08:00:00" },
      },
      "desktop",
    );
    expectBlock(lines, unwrapKbExcerpt(Q166765_SERVICE_ONLY_SKIP, startsPcmwinEntry));
    expect(simulation.events).toContainEqual(expect.objectContaining({ kind: "skipped-service-only", requestId: "BP0000Y", article: "Q166765" }));
    expect(simulation.requests[0]).toMatchObject({ runs: true, ranBy: "service", firstRunAt: "1997-04-09T22:00:01" });
  });

  it("Q237690: a poll finds six new packages after a 50-second read of the instruction file", () => {
    const six = ["76800A1", "76800A2", "76800A3", "76800A4", "76800A5", "76800A6"].map((requestId) =>
      desktopRecordFixture({ requestId, displayDate: "1999-05-01T08:00:00", installByFull: 0, installByDate: null }),
    );
    const { simulation, lines } = run(
      {
        client: { smsId: "76801009", logonServer: "S768AA0", smsClientServicePack: 4, isPcmServiceInstalled: false, isPcmServiceRunning: false, sessions: [{ logonAt: "1999-05-03T13:34:38" }] },
        fileVersions: [
          { from: "1999-05-03T08:00:00", records: [] },
          { from: "1999-05-03T13:45:00", records: six },
        ],
        window: { from: "1999-05-03T08:00:00", to: "1999-05-04T08:00:00" },
        assumptions: { logonServerConnectSeconds: 1, instructionFileReadSeconds: 50, userRunsOfferedPackages: false },
      },
      "desktop",
    );
    expectBlock(lines, unwrapKbExcerpt(Q237690_NEW_PACKAGES, startsPcmwinEntry));
    expect(simulation.events.filter((event) => event.kind === "offered")).toHaveLength(6);
  });

  it("Q188578: with no logon server at start-up the pre-hotfix PCMWin exits and does not poll until the next logon", () => {
    const changes: SimulationInputChanges = {
      client: { smsClientServicePack: 3, isPcmServiceInstalled: false, isPcmServiceRunning: false, hasLogonServerAtStartup: false, sessions: [{ logonAt: "1998-06-19T10:39:28" }], pcmHistoryCreatedAt: "1998-06-11T15:12:23" },
      records: [desktopRecordFixture({ displayDate: "1998-06-19T08:00:00", installByDate: "1998-06-19T12:00:00" })],
      window: { from: "1998-06-19T08:00:00", to: "1998-06-20T08:00:00" },
    };
    const { simulation, lines } = run(changes, "desktop");
    expect(lines.map(withoutTimestamp)).toEqual(unwrapKbExcerpt(Q188578_NO_LOGON_SERVER, startsPcmwinEntry));
    expect(simulation.outcome).toMatchObject({ runs: false, reasons: [expect.objectContaining({ rule: "R79", article: "Q188578" })] });

    const fixed = run({ ...changes, client: { ...changes.client, installedPcmHotfixes: ["Q188578"] } }, "desktop");
    expect(fixed.lines.map(withoutTimestamp)).not.toContain("Package Command Manager ==> Exiting .........");
    expect(fixed.simulation.outcome.runs).toBe(true);
  });

  it("Q231378: Pcmwin32 starting while Pcmsvc32 runs a job times out on the semaphore and exits", () => {
    const changes: SimulationInputChanges = {
      client: { smsClientServicePack: 4, sessions: [{ logonAt: "1999-05-10T09:30:00" }] },
      records: [
        instructionRecordFixture({ displayDate: "1999-05-10T08:00:00", installByDate: "1999-05-10T09:00:00" }),
        desktopRecordFixture({ requestId: "BPC001N", displayDate: "1999-05-10T08:00:00", installByFull: 0, installByDate: null }),
      ],
      window: { from: "1999-05-10T08:00:00", to: "1999-05-10T18:00:00" },
      assumptions: { commandDurationMinutes: 60 },
    };
    const { simulation, lines } = run(changes, "desktop");
    expect(lines.map(withoutTimestamp)).toEqual(unwrapKbExcerpt(Q231378_SEMAPHORE_TIMEOUT, startsPcmwinEntry));
    expect(simulation.events).toContainEqual(expect.objectContaining({ kind: "semaphore-timeout", exits: true, at: "1999-05-10T09:30:30" }));
    expect(simulation.requests.find((request) => request.requestId === "BPC001N")?.reasons).toContainEqual(expect.objectContaining({ article: "Q231378" }));

    const fixed = run({ ...changes, client: { ...changes.client, installedPcmHotfixes: ["Q231378"] } }, "desktop");
    expect(kinds(fixed.simulation)).toContain("semaphore-busy");
    expect(fixed.simulation.requests.find((request) => request.requestId === "BPC001N")).toMatchObject({ runs: true, ranBy: "desktop" });
  });

  it("Q214448: the PCM service runs a silent command to completion, checking it every 2.5 seconds", () => {
    const { simulation, lines } = run(
      {
        client: { smsClientServicePack: 4, serviceStartedAt: "1999-01-12T16:29:43", hasInteractiveUsers: false },
        records: [instructionRecordFixture({ packageId: "C1200008", runCommand: "nothing.EXE /S", displayDate: "1999-01-12T08:00:00", installByDate: "1999-01-12T16:45:00" })],
        window: { from: "1999-01-12T16:00:00", to: "1999-01-13T16:00:00" },
        assumptions: { commandDurationMinutes: 86 / 60 },
      },
      "service",
      { pacmanFormat: "smstrace" },
    );
    expectBlock(lines, Q214448_SERVICE_RUN.split("\n"));
    expect(simulation.requests[0]).toMatchObject({ runs: true, ranBy: "service", firstRunAt: "1999-01-12T16:49:44" });
  });

  it("Q214448: a command that waits for input never ends, and Pcmwin32 shows the busy message at each poll", () => {
    const { simulation, lines } = run({ client: { smsClientServicePack: 4 }, assumptions: { exitStatus: "hangs" } }, "service", { maxLines: 400 });
    expect(lines.slice(-3).every((line) => line.startsWith("Job still running............~   $$<SMS_PACKAGE_COMMAND_MANAGER_NT><"))).toBe(true);
    expect(kinds(simulation)).not.toContain("completed");
    const busyPolls = simulation.events.filter((event) => event.kind === "poll" && event.process === "desktop" && event.result === "semaphore-busy");
    expect(busyPolls.reduce((total, event) => total + (event.kind === "poll" ? event.count : 0), 0)).toBeGreaterThan(100);
  });
});

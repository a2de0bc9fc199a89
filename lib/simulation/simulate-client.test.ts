import { describe, expect, it } from "vitest";
import { renderClientLogs } from "./render-client-logs";
import { simulateClient } from "./simulate-client";
import { desktopRecordFixture, instructionRecordFixture, simulationInputFixture, type SimulationInputChanges } from "./simulation-fixtures";
import type { ClientSimulation, SimulationEvent, SimulationEventKind } from "./simulation-result";

const simulate = (changes: SimulationInputChanges = {}) => simulateClient(simulationInputFixture(changes));
const eventsOf = <Kind extends SimulationEventKind>(simulation: ClientSimulation, kind: Kind) =>
  simulation.events.filter((event): event is Extract<SimulationEvent, { kind: Kind }> => event.kind === kind);

const notMandatory = { installByFull: 0, installByDate: null };
const pastDates = { displayDate: "1998-03-01T08:00:00", installByDate: "1998-03-02T08:00:00" };
const preSp2 = { smsClientServicePack: 1 };
const win16 = { platform: "WIN16", pcmVariant: "PCMWIN16", isPcmServiceInstalled: false, isPcmServiceRunning: false } as const;

interface Case {
  name: string;
  changes: SimulationInputChanges;
  runs: boolean;
  ranBy?: "desktop" | "service";
  firstRunAt?: string;
  events?: SimulationEventKind[];
  rules?: string[];
  articles?: string[];
}

const cases: Case[] = [
  { name: "a valid service job runs at Mandatory After, by the service (Q166765)", changes: {}, runs: true, ranBy: "service", firstRunAt: "1998-03-03T02:00:01", events: ["skipped-service-only", "completed", "status-processed"] },
  { name: "service stopped: Pcmwin32 skips it and nothing runs it (R63)", changes: { client: { isPcmServiceRunning: false } }, runs: false, events: ["skipped-service-only"], rules: ["R63"] },
  { name: "Windows 3.1 client of a service job (R61)", changes: { client: win16 }, runs: false, rules: ["R60", "R61"] },
  { name: "MIPS client with the service installed: Q167114 names Intel and Alpha only, so nothing runs it (R61)", changes: { client: { platform: "WIN32_MIPS" }, records: [instructionRecordFixture({ operatingSystem: 0x04 })] }, runs: false, events: ["skipped-service-only"], rules: ["R61"] },
  { name: "Alpha client, x86-only record: filtered out (R60)", changes: { client: { platform: "WIN32_ALPHA" } }, runs: false, events: ["packages-filtered"], rules: ["R60"] },
  { name: "background job without Mandatory After on an SP2 service (R4, Q174933)", changes: { client: { smsClientServicePack: 2 }, records: [instructionRecordFixture(notMandatory)] }, runs: false, events: ["not-run-by-service"], rules: ["R4"] },
  { name: "same on SP3 with UserInputRequired=FALSE: runs at Offer After", changes: { records: [instructionRecordFixture(notMandatory)] }, runs: true, ranBy: "service", firstRunAt: "1998-03-02T18:00:01" },
  { name: "same on SP3 with UserInputRequired=TRUE (R5)", changes: { records: [instructionRecordFixture({ ...notMandatory, userInputFlags: 1 })] }, runs: false, rules: ["R5"] },
  { name: "pre-SP2 Pcmwin32 runs a mandatory background job itself (Q165147)", changes: { client: { ...preSp2, isPcmServiceInstalled: false, isPcmServiceRunning: false }, records: [instructionRecordFixture(pastDates)] }, runs: true, ranBy: "desktop", events: ["countdown-started"] },
  {
    name: "pre-SP2: a loaded Pcmwin32 keeps the service from running it (Q164657)",
    changes: { client: { ...preSp2, serviceStartedAt: "1998-03-02T09:10:00" }, fileVersions: [{ from: "1998-03-02T09:00:00", records: [] }, { from: "1998-03-02T09:05:00", records: [instructionRecordFixture(pastDates)] }] },
    runs: true,
    ranBy: "desktop",
    events: ["service-blocked"],
  },
  { name: "pre-SP2 PCM does not re-read an unchanged .INS, so a later Offer After is never acted on (R39, Q163488)", changes: { client: preSp2 }, runs: false, events: ["file-not-reprocessed"], rules: ["R39"] },
  { name: "desktop job, user runs it when offered", changes: { records: [desktopRecordFixture()] }, runs: true, ranBy: "desktop", firstRunAt: "1998-03-02T18:01:01" },
  { name: "desktop job, user waits: 5-minute countdown at the first poll after Mandatory After (Q185805)", changes: { records: [desktopRecordFixture()], assumptions: { userRunsOfferedPackages: false } }, runs: true, firstRunAt: "1998-03-03T02:06:01", events: ["countdown-started"] },
  { name: "DisablePCMCountdown on SP4 runs it at once (Q185805)", changes: { client: { smsClientServicePack: 4, disablePcmCountdown: true }, records: [desktopRecordFixture()], assumptions: { userRunsOfferedPackages: false } }, runs: true, firstRunAt: "1998-03-03T02:01:01" },
  { name: "nobody logs on: a desktop job never runs (R2)", changes: { client: { hasInteractiveUsers: false }, records: [desktopRecordFixture()] }, runs: false, rules: ["R2"] },
  { name: "Pcmwin32 not loaded at logon (Q164657)", changes: { client: { isPcmwin32AutoStart: false }, records: [desktopRecordFixture()] }, runs: false, events: ["pcm-not-started"], articles: ["Q164657"] },
  { name: "already executed in the local history (Q125934)", changes: { history: ["BPC001M"] }, runs: false, events: ["already-executed"], articles: ["Q125934"] },
  { name: "canceled before Mandatory After: the record leaves the .INS (Q188042)", changes: { fileVersions: [{ from: "1998-03-02T09:00:00", records: [instructionRecordFixture()] }, { from: "1998-03-02T20:00:00", records: [] }] }, runs: false, events: ["canceled"], articles: ["Q188042"] },
  { name: "expired before the user ran it (Q188042)", changes: { records: [desktopRecordFixture({ ...notMandatory, expirationFull: 1, expirationDate: "1998-03-03T12:00:00" })], assumptions: { userRunsOfferedPackages: false } }, runs: false, events: ["expired", "expiry-processed"], articles: ["Q188042"] },
  { name: "SP4 without Q255284 runs a job first seen after its expiry", changes: { client: { smsClientServicePack: 4 }, records: [instructionRecordFixture({ ...pastDates, expirationFull: 1, expirationDate: "1998-03-02T08:30:00" })] }, runs: true, ranBy: "service" },
  { name: "SP4 with Q255284 does not (R35)", changes: { client: { smsClientServicePack: 4, installedPcmHotfixes: ["Q255284"] }, records: [instructionRecordFixture({ ...pastDates, expirationFull: 1, expirationDate: "1998-03-02T08:30:00" })] }, runs: false, rules: ["R35"] },
  { name: "a client clock 20 minutes fast reaches Mandatory After a poll early (Q107244)", changes: { client: { clockOffsetSeconds: 1200 } }, runs: true, firstRunAt: "1998-03-03T01:40:01" },
  { name: "SMS 1.1 Windows 3.1 client pops up a blank window before the offer (Q149683)", changes: { client: { ...win16, smsClientVersion: "1.1", smsClientServicePack: 0 }, records: [desktopRecordFixture({ operatingSystem: 0x01 })] }, runs: true, ranBy: "desktop", events: ["blank-window"] },
  { name: "Windows 95 has no Operating System bit: the record is assumed to apply", changes: { client: { ...win16, platform: "WINDOWS95" }, records: [desktopRecordFixture({ operatingSystem: 0x01 })] }, runs: true, events: ["platform-unknown"] },
  { name: "15-minute polling checks the .INS before the status is processed (Q166765)", changes: { client: { pollingIntervalMinutes: 15 } }, runs: true, events: ["rerun-risk"] },
  { name: "a command that never ends blocks the next one (Q214448)", changes: { records: [instructionRecordFixture(), instructionRecordFixture({ requestId: "BPC001N" })], assumptions: { byRequestId: { BPC001M: { exitStatus: "hangs" } } } }, runs: true, articles: ["Q214448"] },
];

describe("simulateClient", () => {
  it.each(cases)("$name", ({ changes, runs, ranBy, firstRunAt, events = [], rules = [], articles = [] }) => {
    const simulation = simulate(changes);
    const request = simulation.requests[0];
    expect(request?.runs, "runs").toBe(runs);
    if (ranBy) expect(request?.ranBy).toBe(ranBy);
    if (firstRunAt) expect(request?.firstRunAt).toBe(firstRunAt);
    const kinds = new Set(simulation.events.map((event) => event.kind));
    for (const kind of events) expect(kinds, kind).toContain(kind);
    const reasons = simulation.requests.flatMap((entry) => entry.reasons);
    for (const rule of rules) expect(reasons.map((reason) => reason.rule)).toContain(rule);
    for (const article of articles) expect(reasons.map((reason) => reason.article)).toContain(article);
    expect(simulation.outcome.runs).toBe(simulation.requests.some((entry) => entry.runs));
  });

  it("before SP4 every poll writes a .sni for an expired job until the despooler removes it; SP4 writes one per PCM (Q188042)", () => {
    const records = [desktopRecordFixture({ ...notMandatory, expirationFull: 1, expirationDate: "1998-03-03T12:00:00" })];
    const changes = { records, assumptions: { userRunsOfferedPackages: false, statusProcessingMinutes: 60 } };
    expect(simulate(changes).requests[0]?.sniFilesWritten).toBe(6);
    expect(simulate({ ...changes, client: { smsClientServicePack: 4 } }).requests[0]?.sniFilesWritten).toBe(2);
  });

  it("a failure status MIF leaves the job Retrying and its record in the file; without a MIF the failure looks like success (Q169491)", () => {
    const failed = simulate({ assumptions: { exitStatus: "failure" } });
    expect(eventsOf(failed, "completed")[0]).toMatchObject({ reportedStatus: "failure", statusMif: "C:\\WINNT\\Setup.mif" });
    expect(eventsOf(failed, "status-processed")[0]).toMatchObject({ workstationStatus: "Retrying", isRecordRemoved: false });
    const silent = simulate({ assumptions: { exitStatus: "failure", writesStatusMif: false } });
    expect(eventsOf(silent, "status-processed")[0]).toMatchObject({ workstationStatus: "Complete", isRecordRemoved: true });
  });

  it("no instruction file is its own case: PCM logs \"No instruction file.\" (Q160855) and R31 (an empty file) is not blamed", () => {
    const input = simulationInputFixture({ fileVersions: [{ from: "1998-03-02T09:00:00", records: null }] });
    const simulation = simulateClient(input);
    expect(simulation.outcome).toMatchObject({ runs: false, reasons: [{ article: "Q160855" }] });
    expect(simulation.outcome.reasons.map((reason) => reason.rule)).toEqual([undefined]);
    const lines = renderClientLogs(input, simulation).flatMap((log) => log.lines);
    expect(lines.some((line) => line.includes("No instruction file."))).toBe(true);
    expect(lines.some((line) => line.includes("Packages after filter"))).toBe(false);

    const empty = simulate({ records: [] });
    expect(empty.outcome.reasons.map((reason) => reason.rule)).toEqual(["R31"]);
  });

  it("SP4 runs overdue mandatory jobs in Mandatory After order, earlier PCMs in file order (Q173388)", () => {
    const records = [
      instructionRecordFixture({ ...pastDates, requestId: "BPC002B", installByDate: "1998-03-02T08:30:00" }),
      instructionRecordFixture({ ...pastDates, requestId: "BPC002A", installByDate: "1998-03-02T08:00:00" }),
    ];
    const order = (servicePack: number) => eventsOf(simulate({ client: { smsClientServicePack: servicePack }, records }), "ran").map((event) => event.requestId);
    expect(order(3)).toEqual(["BPC002B", "BPC002A"]);
    expect(order(4)).toEqual(["BPC002A", "BPC002B"]);
  });

  it("folds identical polls into one event and keeps every event inside the window, in time order", () => {
    const simulation = simulate({ window: { to: "1998-04-01T09:00:00" } });
    const polls = eventsOf(simulation, "poll");
    expect(polls.length).toBeLessThan(20);
    const serviceCount = polls.filter((event) => event.process === "service").reduce((total, event) => total + event.count, 0);
    // A service poll every 20 minutes for 30 days, both ends included: the 5-minute job ends before the next one is due.
    expect(serviceCount).toBe(30 * 72 + 1);
    const times = simulation.events.map((event) => event.at);
    expect(times).toEqual([...times].sort());
    expect(times.every((time) => time >= "1998-03-02T09:00:00" && time <= "1998-04-01T09:00:00")).toBe(true);
  });
});

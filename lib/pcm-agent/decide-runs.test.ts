import { describe, expect, it } from "vitest";
import type { InstructionRecord } from "../ins/record";
import { operatingSystemMask } from "../platforms";
import { decideRuns, type AgentClient } from "./decide-runs";

const NOW = "2026-03-02T10:00:00";
const CLIENT: AgentClient = { smsId: "BPC00001", platform: "WIN32_X86", pollingIntervalMinutes: 60, logonServer: "CONSOLE" };

function record(requestId: string, change: Partial<InstructionRecord> = {}): InstructionRecord {
  return {
    version: 6, siteId: "BPC", requestId, packageId: "BPC0000A", jobId: `BPC${requestId.slice(3)}X`, installFlag: 0,
    installByDate: null, installByFull: 0, displayDate: "2026-03-01T08:00:00", displayFull: 1, expirationDate: null, expirationFull: 0,
    userInputFlags: 0, operatingSystem: operatingSystemMask(["WIN32_X86"]), diskUsage: "", runCommand: "setup.bat", wclName: "Complete",
    servers: [{ path: "\\\\CNS-SMS\\SMS_PKGD\\BPC0000A\\", type: 2, zone: "" }], packageName: "Office", comments: "", domainName: "", reserved: "0".repeat(64),
    ...change,
  };
}

const mandatory = (requestId: string, change: Partial<InstructionRecord> = {}) => record(requestId, { installByDate: "2026-03-01T09:00:00", installByFull: 1, ...change });
const ids = (decision: ReturnType<typeof decideRuns>) => decision.runs.map((run) => run.record.requestId);

describe("what the PCM agent runs, decided by the simulator's PCM", () => {
  it("runs a mandatory job whose time has come, and not again once in its history", () => {
    const decision = decideRuns({ client: CLIENT, records: [mandatory("BPC0001")], history: [], accepted: [], now: NOW });
    expect(ids(decision)).toEqual(["BPC0001"]);
    expect(decision.logLines.flatMap((log) => log.lines).join("\n")).toMatch(/Packages after filter: 1/);
    expect(ids(decideRuns({ client: CLIENT, records: [mandatory("BPC0001")], history: ["BPC0001"], accepted: [], now: NOW }))).toEqual([]);
  });

  it("runs an optional offer only when accepted", () => {
    const offered = decideRuns({ client: CLIENT, records: [record("BPC0002")], history: [], accepted: [], now: NOW });
    expect([ids(offered), offered.offeredNotAccepted]).toEqual([[], ["BPC0002"]]);
    expect(ids(decideRuns({ client: CLIENT, records: [record("BPC0002")], history: [], accepted: ["bpc0002"], now: NOW }))).toEqual(["BPC0002"]);
  });

  it("does not run a job for another platform, one not yet offered, or one expired", () => {
    const records = [
      mandatory("BPC0003", { operatingSystem: operatingSystemMask(["MACINTOSH"]) }),
      mandatory("BPC0004", { displayDate: "2026-03-03T08:00:00", installByDate: "2026-03-03T08:00:00" }),
      mandatory("BPC0005", { expirationDate: "2026-03-01T12:00:00", expirationFull: 1 }),
    ];
    expect(ids(decideRuns({ client: CLIENT, records, history: [], accepted: ["BPC0003", "BPC0004", "BPC0005"], now: NOW }))).toEqual([]);
  });
});

describe("several jobs due at one poll", () => {
  it("runs them all, one after another, in PCM's order", () => {
    const decision = decideRuns({ client: CLIENT, records: [mandatory("BPC0001"), mandatory("BPC0002"), mandatory("BPC0003")], history: [], accepted: [], now: NOW });
    expect(ids(decision)).toEqual(["BPC0001", "BPC0002", "BPC0003"]);
  });
});

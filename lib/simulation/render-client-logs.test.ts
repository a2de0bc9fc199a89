import { describe, expect, it } from "vitest";
import { renderClientLogs, type LogOptions } from "./render-client-logs";
import { simulateClient } from "./simulate-client";
import { desktopRecordFixture, simulationInputFixture, type SimulationInputChanges } from "./simulation-fixtures";

function logsOf(changes: SimulationInputChanges, options: LogOptions = {}) {
  const input = simulationInputFixture(changes);
  return renderClientLogs(input, simulateClient(input), options);
}

describe("renderClientLogs", () => {
  it.each<[string, SimulationInputChanges, string[]]>([
    ["an SMS 1.2 NT client with the service: Pcmwin.log and PACMAN.LOG", {}, ["Pcmwin.log", "PACMAN.LOG"]],
    ["without the service: Pcmwin.log only", { client: { isPcmServiceRunning: false } }, ["Pcmwin.log"]],
    ["nobody logs on: PACMAN.LOG only", { client: { hasInteractiveUsers: false } }, ["PACMAN.LOG"]],
    ["SMS 1.1 desktop PCM keeps no log file (Q122055)", { client: { platform: "WIN16", pcmVariant: "PCMWIN16", smsClientVersion: "1.1", smsClientServicePack: 0 } }, []],
    ["PCMDOS has no log in the KB", { client: { platform: "DOS6", pcmVariant: "PCMDOS", isPcmServiceInstalled: false } }, []],
  ])("%s", (_name, changes, fileNames) => expect(logsOf(changes).map((log) => log.fileName)).toEqual(fileNames));

  it("interleaves a run with the polls around it, and keeps to the range asked for", () => {
    const [pcmwin] = logsOf({ records: [desktopRecordFixture()], assumptions: { commandDurationMinutes: 0.1 } }, { from: "1998-03-02T18:00:00", to: "1998-03-02T18:21:00" });
    const lines = pcmwin?.lines ?? [];
    expect(lines[0]).toBe("[03/02/98 18:01:00] Package Command Manager ==> Polling .....");
    expect(lines).toContain("[03/02/98 18:01:01] Package Command Manager ==> New packages found.");
    expect(lines).toContain("[03/02/98 18:01:07] Package Command Manager ==> A job is not in process.");
    expect(lines).toContain("[03/02/98 18:01:07] Package Command Manager ==> Need to report with DMTF MIF: C:\\WINNT\\Setup.mif");
    expect(lines.at(-1)).toBe("[03/02/98 18:21:00] Package Command Manager ==> Attempting to refresh package collection from logon server.");
    expect(lines.map((line) => line.slice(0, 19))).toEqual(lines.map((line) => line.slice(0, 19)).sort());
  });

  it("prints the client's clock, not the site's", () => {
    const [pcmwin] = logsOf({ client: { clockOffsetSeconds: 3600 } }, { to: "1998-03-02T09:01:00" });
    expect(pcmwin?.lines[0]).toBe("[03/02/98 10:01:00] Package Command Manager ==> Initializing .....");
  });

  it("stops at maxLines when a command never ends (Q201764)", () => {
    const logs = logsOf({ client: { hasInteractiveUsers: false }, assumptions: { exitStatus: "hangs" } }, { maxLines: 50, from: "1998-03-04T00:00:00" });
    expect(logs[0]).toMatchObject({ fileName: "PACMAN.LOG", isTruncated: true });
    expect(logs[0]?.lines).toHaveLength(50);
    expect(logs[0]?.lines[0]).toBe("Job still running............~   $$<SMS_PACKAGE_COMMAND_MANAGER_NT><Wed Mar  4 00:00:02 1998~><thread=6E>");
  });
});

import type { InstructionRecord } from "../ins/record";
import { RESERVED_FLAGS } from "../jobs/instructions";
import { DEFAULT_ASSUMPTIONS, type InstructionFileVersion, type SimulatedClient, type SimulationAssumptions, type SimulationInput, type SimulationWindow } from "./simulation-input";

/**
 * Simulation inputs for tests, on the same calendar as lib/rules/test-context.ts: a mandatory
 * PCM-service job offered 1998-03-02 18:00 and mandatory 1998-03-03 02:00, to a Windows NT x86
 * SMS 1.2 SP3 client whose service runs, polling every 20 minutes. A test changes one thing.
 */
export const SERVICE_TASK_FLAGS = RESERVED_FLAGS.AUTOMATED_COMMAND_LINE | RESERVED_FLAGS.SYSTEM_TASK;
export const DESKTOP_FLAGS = RESERVED_FLAGS.AUTOMATED_COMMAND_LINE;

export function reservedWithFlags(flags: number): string {
  return flags.toString(16).padStart(2, "0") + "00".repeat(31);
}

export function instructionRecordFixture(changes: Partial<InstructionRecord> = {}): InstructionRecord {
  return {
    version: 6,
    siteId: "BPC",
    requestId: "BPC001M",
    packageId: "BPC0000A",
    jobId: "BPC000AA",
    installFlag: 0,
    installByDate: "1998-03-03T02:00:00",
    installByFull: 1,
    displayDate: "1998-03-02T18:00:00",
    displayFull: 1,
    expirationDate: null,
    expirationFull: 0,
    userInputFlags: 0,
    operatingSystem: 0x02,
    diskUsage: "",
    runCommand: "setup\\setup.exe /q",
    wclName: "Automated Setup",
    servers: [{ path: "\\\\CNS-SMS\\SMS_PKGD\\BPC0000A\\", type: 2, zone: "" }],
    packageName: "Office 97",
    comments: "",
    domainName: "",
    reserved: reservedWithFlags(SERVICE_TASK_FLAGS),
    ...changes,
  };
}

/** A desktop (not System Task) record: the same job without the service-only flag. */
export function desktopRecordFixture(changes: Partial<InstructionRecord> = {}): InstructionRecord {
  return instructionRecordFixture({ reserved: reservedWithFlags(DESKTOP_FLAGS), ...changes });
}

export function simulatedClientFixture(changes: Partial<SimulatedClient> = {}): SimulatedClient {
  return {
    smsId: "BPC00001",
    platform: "WIN32_X86",
    pcmVariant: "PCMWIN32",
    smsClientVersion: "1.2",
    smsClientServicePack: 3,
    installedPcmHotfixes: [],
    isPcmServiceInstalled: true,
    isPcmServiceRunning: true,
    isNtDomainMember: true,
    pollingIntervalMinutes: 20,
    clockOffsetSeconds: 0,
    logonServer: "CNS-SMS",
    ...changes,
  };
}

export const FIXTURE_WINDOW: SimulationWindow = { from: "1998-03-02T09:00:00", to: "1998-03-05T09:00:00" };

export interface SimulationInputChanges {
  client?: Partial<SimulatedClient>;
  records?: InstructionRecord[];
  fileVersions?: InstructionFileVersion[];
  history?: string[];
  window?: Partial<SimulationWindow>;
  assumptions?: Partial<SimulationAssumptions>;
}

export function simulationInputFixture(changes: SimulationInputChanges = {}): SimulationInput {
  const base = {
    client: simulatedClientFixture(changes.client),
    history: changes.history ?? [],
    window: { ...FIXTURE_WINDOW, ...changes.window },
    assumptions: { ...DEFAULT_ASSUMPTIONS, ...changes.assumptions },
  };
  return changes.fileVersions ? { ...base, fileVersions: changes.fileVersions } : { ...base, records: changes.records ?? [instructionRecordFixture()] };
}

import { describe, expect, it } from "vitest";
import type { ContextChanges } from "./test-context";
import { reviewContext } from "./test-context";
import { NOT_A_TARGET, willTargetRunCommand } from "./will-target-run-command";

const verdict = (changes: ContextChanges, smsId = "BPC00001") => {
  const result = willTargetRunCommand(reviewContext(changes), smsId);
  return { runs: result.runs, rules: result.reasons.map((reason) => reason.rule), notChecked: result.notChecked.map((entry) => entry.rule) };
};
const notMandatory = { runPhase: { isMandatory: false, mandatoryAfter: undefined } };
const pastDates = { runPhase: { offerAfter: "1998-03-01T08:00:00", mandatoryAfter: "1998-03-02T08:00:00" } };

describe("willTargetRunCommand", () => {
  it.each<[string, ContextChanges, { runs: boolean; rules: string[]; notChecked: string[] }]>([
    ["a valid service job", {}, { runs: true, rules: [], notChecked: [] }],
    ["platform outside Supported Platforms (R60)", { target: { platform: "WIN32_ALPHA" } }, { runs: false, rules: ["R60"], notChecked: [] }],
    ["Windows 3.1 client of a service job (R60, R61)", { target: { platform: "WIN16", pcmVariant: "PCMWIN16", isPcmServiceInstalled: false, isPcmServiceRunning: false } }, { runs: false, rules: ["R60", "R61"], notChecked: [] }],
    ["service stopped (R63)", { target: { isPcmServiceRunning: false } }, { runs: false, rules: ["R63"], notChecked: [] }],
    ["background job not mandatory, SP2 service (R4)", { job: notMandatory, target: { smsClientServicePack: 2 } }, { runs: false, rules: ["R4"], notChecked: [] }],
    ["same on SP3 with UserInputRequired=FALSE (runs at the offer)", { job: notMandatory }, { runs: true, rules: [], notChecked: [] }],
    ["same on SP3 without UserInputRequired (R5)", { job: notMandatory, commandLine: { isUserInputRequired: null } }, { runs: false, rules: ["R5"], notChecked: [] }],
    ["run phase off (R31)", { job: { runPhase: { isEnabled: false } } }, { runs: false, rules: ["R31"], notChecked: [] }],
    ["already expired (R35)", { job: { runPhase: { isExpiring: true, expireAfter: "1998-03-02T08:59:59", offerAfter: "1998-03-01T00:00:00", mandatoryAfter: "1998-03-01T00:00:00" } } }, { runs: false, rules: ["R35"], notChecked: [] }],
    ["desktop job, nobody logs on (R2)", { commandLine: { isSystemTask: false }, target: { hasInteractiveUsers: false, isPcmwin32AutoStart: true } }, { runs: false, rules: ["R2"], notChecked: [] }],
    ["desktop job, users not administrators: runs, and fails", { commandLine: { isSystemTask: false }, target: { isPcmwin32AutoStart: true } }, { runs: true, rules: [], notChecked: [] }],
    ["desktop job, Pcmwin32 not loaded at logon (R69, Q164657)", { commandLine: { isSystemTask: false }, target: { isPcmwin32AutoStart: false } }, { runs: false, rules: ["R69"], notChecked: [] }],
    ["Pcmwin32 loaded on an SP1 service client runs the job itself (Q165147; R69 only warns)", { job: pastDates, target: { smsClientServicePack: 1, isPcmwin32AutoStart: true } }, { runs: true, rules: [], notChecked: [] }],
    ["SP1 service client without the service: the loaded Pcmwin32 runs it (Q165147)", { job: pastDates, target: { smsClientServicePack: 1, isPcmwin32AutoStart: true, isPcmServiceRunning: false } }, { runs: true, rules: [], notChecked: [] }],
    ["same with Pcmwin32 not loaded: nothing runs it (R63)", { job: pastDates, target: { smsClientServicePack: 1, isPcmwin32AutoStart: false, isPcmServiceRunning: false } }, { runs: false, rules: ["R63"], notChecked: [] }],
    ["SP1 with Offer and Mandatory After after the .INS arrives: never acted on before a restart (R39, Q163488)", { target: { smsClientServicePack: 1, isPcmwin32AutoStart: true } }, { runs: false, rules: ["R39"], notChecked: [] }],
    ["SP1 service with Mandatory After passed: acted on at the first reading", { job: pastDates, target: { smsClientServicePack: 1 } }, { runs: true, rules: [], notChecked: [] }],
    ["Pcmwin32 auto-start not recorded on SP1: it runs either way (Q165147)", { job: pastDates, target: { smsClientServicePack: 1, isPcmwin32AutoStart: null } }, { runs: true, rules: [], notChecked: [] }],
  ])("%s", (_name, changes, expected) => expect(verdict(changes)).toEqual(expected));

  it("says so for a computer that is not a target", () => {
    expect(willTargetRunCommand(reviewContext(), "ABC00099")).toEqual({
      runs: false,
      reasons: [{ rule: NOT_A_TARGET, message: "ABC00099 is not a target of this job." }],
      notChecked: [],
    });
  });

  it("explains each reason for the client", () => {
    expect(willTargetRunCommand(reviewContext({ target: { isPcmServiceRunning: false } }), "BPC00002").reasons).toEqual([
      { rule: "R63", message: "BPC00002 will not run the command: the PCM service is not installed and running, and the desktop PCM skips service-only packages." },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { reviewContext } from "../rules/test-context";
import { defaultJobWindow, simulationInputsForJob } from "./simulation-inputs-for-job";

describe("simulationInputsForJob", () => {
  it("gives each target the record Send would write, its facts, and a window past every job date", () => {
    const context = reviewContext({ job: { runPhase: { isExpiring: true, expireAfter: "1998-03-10T00:00:00" } }, target: { clockOffsetSeconds: 30, isPcmwin32AutoStart: null } });
    const inputs = simulationInputsForJob(context, { requestId: "BPC001M" });
    expect(inputs.map((input) => input.client.smsId)).toEqual(["BPC00001", "BPC00002"]);
    const [first] = inputs;
    expect(first?.records?.[0]).toMatchObject({ requestId: "BPC001M", installByFull: 1, installByDate: "1998-03-03T02:00:00", expirationFull: 1, reserved: expect.stringMatching(/^03/) });
    expect(first?.client).toMatchObject({ pollingIntervalMinutes: 20, clockOffsetSeconds: 30, logonServer: "CNS-SMS", isNtDomainMember: true });
    expect(first?.client).not.toHaveProperty("isPcmwin32AutoStart");
    expect(defaultJobWindow(context)).toEqual({ from: "1998-03-02T09:00:00", to: "1998-03-12T00:00:00" });
  });

  it.each([
    ["the run phase is off", { job: { runPhase: { isEnabled: false } } }],
    ["the job has already expired", { job: { runPhase: { isExpiring: true, expireAfter: "1998-03-02T08:00:00" } } }],
  ])("writes no record when %s", (_name, changes) => {
    expect(simulationInputsForJob(reviewContext(changes), { requestId: "BPC001M" })[0]?.records).toEqual([]);
  });
});

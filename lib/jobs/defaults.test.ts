import { describe, expect, it } from "vitest";
import { defaultMandatoryAfter, withRunPhaseDefaults } from "./defaults";

describe("run phase defaults", () => {
  it("puts a new mandatory date one week after the offer (Q238315)", () => {
    expect(defaultMandatoryAfter("1998-11-20T08:00:00", "1998-11-21T09:00:00")).toBe("1998-11-27T08:00:00");
    expect(defaultMandatoryAfter(undefined, "1998-11-21T09:00:00")).toBe("1998-11-28T09:00:00");
  });
  it("fills only a missing date of a mandatory run phase", () => {
    const now = "1998-11-21T09:00:00";
    type RunPhase = { isMandatory: boolean; mandatoryAfter?: string; offerAfter?: string };
    const phase = (runPhase: RunPhase) => ({ runPhase });
    expect(withRunPhaseDefaults(phase({ isMandatory: true, offerAfter: "1998-11-20T08:00:00" }), now).runPhase.mandatoryAfter).toBe("1998-11-27T08:00:00");
    expect(withRunPhaseDefaults(phase({ isMandatory: true, mandatoryAfter: "1998-12-01T00:00:00" }), now).runPhase.mandatoryAfter).toBe("1998-12-01T00:00:00");
    expect(withRunPhaseDefaults(phase({ isMandatory: false }), now).runPhase.mandatoryAfter).toBeUndefined();
  });
});

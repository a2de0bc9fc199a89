import { describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { effectiveJobState, requireDeletable, requireEditable, requireTransition } from "./lifecycle";
import type { JobState } from "./schema";

describe("job lifecycle", () => {
  it.each<[Parameters<typeof requireTransition>[0], JobState, JobState]>([
    ["send", "PENDING", "ACTIVE"],
    ["cancel", "PENDING", "CANCELED"],
    ["cancel", "ACTIVE", "CANCELED"],
    ["complete", "ACTIVE", "COMPLETE"],
    ["fail", "ACTIVE", "FAILED"],
  ])("%s moves a %s job to %s", (transition, from, to) => expect(requireTransition(transition, from, "BPC00001")).toBe(to));

  it.each<[Parameters<typeof requireTransition>[0], JobState, string]>([
    ["send", "ACTIVE", "Job BPC00001 is Active; only Pending jobs can be sent"],
    ["send", "CANCELED", "Job BPC00001 is Canceled; only Pending jobs can be sent"],
    ["cancel", "COMPLETE", "Job BPC00001 is Complete; only Pending or Active jobs can be canceled"],
    ["complete", "PENDING", "Job BPC00001 is Pending; only Active jobs can be marked complete"],
    ["fail", "CANCELED", "Job BPC00001 is Canceled; only Active jobs can be marked failed"],
  ])("refuses %s on a %s job", (transition, from, message) => {
    expect(() => requireTransition(transition, from, "BPC00001")).toThrow(new DomainError("conflict", message));
  });

  it("edits only Pending jobs and never deletes an Active one", () => {
    expect(() => requireEditable("PENDING", "BPC00001")).not.toThrow();
    expect(() => requireEditable("ACTIVE", "BPC00001")).toThrow("only Pending jobs can be edited");
    expect(() => requireDeletable("ACTIVE", "BPC00001")).toThrow("Job BPC00001 is Active; cancel it before deleting it");
    for (const state of ["PENDING", "CANCELED", "COMPLETE", "FAILED"] as const) expect(() => requireDeletable(state, "BPC00001")).not.toThrow();
  });

  it("shows an Active job as Expired from its Expire After time on", () => {
    const job = { state: "ACTIVE" as const, isExpiring: true, expireAfter: "1995-03-07T17:56:00" };
    expect(effectiveJobState(job, "1995-03-07T17:55:59")).toBe("ACTIVE");
    expect(effectiveJobState(job, "1995-03-07T17:56:00")).toBe("EXPIRED");
    expect(effectiveJobState({ ...job, isExpiring: false }, "1999-01-01T00:00:00")).toBe("ACTIVE");
    expect(effectiveJobState({ ...job, state: "CANCELED" }, "1999-01-01T00:00:00")).toBe("CANCELED");
  });
});

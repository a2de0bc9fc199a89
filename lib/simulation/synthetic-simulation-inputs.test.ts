import { describe, expect, it } from "vitest";
import { simulateClients } from "./simulate-client";
import { buildSyntheticSimulationInputs } from "./synthetic-simulation-inputs";

describe("buildSyntheticSimulationInputs", () => {
  it("builds varied clients over a shared month of instruction files, and every one simulates", () => {
    const inputs = buildSyntheticSimulationInputs(300);
    expect(inputs).toHaveLength(300);
    expect(new Set(inputs.map((input) => input.client.smsId)).size).toBe(300);
    expect(inputs[0]?.window).toEqual({ from: "1998-03-02T00:00:00", to: "1998-04-01T00:00:00" });
    const results = simulateClients(inputs);
    const kinds = new Set(results.flatMap((result) => result.events.map((event) => event.kind)));
    for (const kind of ["ran", "skipped-service-only", "semaphore-busy", "expired", "canceled", "not-run-by-service", "file-not-reprocessed"] as const) expect(kinds).toContain(kind);
    expect(results.some((result) => result.outcome.runs)).toBe(true);
    expect(results.some((result) => !result.outcome.runs)).toBe(true);
  });
});

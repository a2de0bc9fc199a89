import { describe, expect, it } from "vitest";
import type { ClientSimulation } from "./simulation-result";
import { summariseSimulations } from "./summarise-simulations";

const client = (smsId: string, outcome: ClientSimulation["outcome"]): ClientSimulation => ({ smsId, events: [], requests: [], outcome });

describe("summariseSimulations", () => {
  it("counts first runs per day and groups the rest by reason, biggest group first", () => {
    const summary = summariseSimulations([
      client("A0000001", { runs: true, firstRunAt: "1998-11-24T20:05:00", reasons: [] }),
      client("A0000002", { runs: true, firstRunAt: "1998-11-24T21:00:00", reasons: [] }),
      client("A0000003", { runs: true, firstRunAt: "1998-11-25T08:00:00", reasons: [] }),
      client("A0000004", { runs: false, firstRunAt: null, reasons: [{ rule: "R60", article: "Q126644", message: "platform not supported" }] }),
      client("A0000005", { runs: false, firstRunAt: null, reasons: [{ article: "Q164657", message: "Pcmwin32 is not loaded" }] }),
      client("A0000006", { runs: false, firstRunAt: null, reasons: [{ rule: "R60", article: "Q126644", message: "platform not supported" }] }),
    ]);
    expect(summary).toMatchObject({ targetCount: 6, runCount: 3, neverCount: 3 });
    expect(summary.runsByDay).toEqual([
      { day: "1998-11-24", count: 2 },
      { day: "1998-11-25", count: 1 },
    ]);
    expect(summary.neverByReason.map((group) => [group.key, group.smsIds])).toEqual([
      ["R60", ["A0000004", "A0000006"]],
      ["Q164657", ["A0000005"]],
    ]);
  });
});

import type { TargetRule } from "../rule";
import { unknownFact } from "../rule";
import { ofTargets } from "../subjects";

/** Skew the console tolerates before warning; the KB gives no figure, only "consistent". */
export const CLOCK_TOLERANCE_SECONDS = 60;
const OFFSET_NOT_RECORDED = unknownFact("clock offset not recorded");

/** R75 (Q107244, Q172899): client clocks must match the site server's. */
export const clientClockOffset: TargetRule = {
  kind: "target",
  code: "R75",
  title: "Client clock matches the site server",
  severity: "warning",
  scope: "target",
  gate: null,
  sources: ["Q107244", "Q172899"],
  why:
    "PCM compares job times with the client's clock, so a skewed clock offers, enforces or expires packages at the wrong time, possibly before the client ever sees them. " +
    "Before SP4, status files from a client whose clock is ahead are not processed until that time. The console warns beyond a minute's difference.",
  appliesTo: ({ hasRunPhase }) => hasRunPhase,
  checkTarget: (computer) => (computer.clockOffsetSeconds === null ? OFFSET_NOT_RECORDED : Math.abs(computer.clockOffsetSeconds) > CLOCK_TOLERANCE_SECONDS),
  message: (count, total) =>
    `${ofTargets(count, total)} have a clock more than a minute off the site server's: client time must match the server: skew expires packages early and future-dated status files are not processed.`,
  fix: () => ({ form: "computer", field: "clockOffsetSeconds", text: "Synchronise the clients' clocks with the site server (NET TIME \\\\server /SET), then record it." }),
};

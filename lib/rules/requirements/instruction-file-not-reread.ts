import { normaliseWallClock } from "../../wall-clock";
import type { TargetRule } from "../rule";
import type { ReviewComputer } from "../context";
import type { JobFacts } from "../job-facts";
import { ofTargets } from "../subjects";
import { desktopRunsServiceJobs, isDesktopPcmStarted } from "../target-helpers";

/**
 * Whether some PCM acts on the record when it first reads it, the only reading before a restart:
 * the desktop PCM when the job is offered by then (the user runs an offered package, a mandatory one
 * follows its offer), the service when Mandatory After has come. The record reaches the client from now on.
 */
function isActedOnAtFirstReading(computer: ReviewComputer, facts: JobFacts): boolean {
  const now = normaliseWallClock(facts.context.now);
  const hasDesktopRunner = facts.isServiceJob ? desktopRunsServiceJobs(computer) : isDesktopPcmStarted(computer);
  const desktopActs = hasDesktopRunner && (facts.offerAfter === null || facts.offerAfter <= now);
  const serviceActs = facts.isServiceJob && facts.mandatoryAfter !== null && facts.mandatoryAfter <= now;
  return desktopActs || serviceActs;
}

/** R39 (Q163488, fixed SP2 per Q157677): 1.2 PCM before SP2 processes the .INS only when it changes. */
export const instructionFileNotReread: TargetRule = {
  kind: "target",
  code: "R39",
  title: "Pre-SP2 PCM re-reads the .INS only when it changes",
  severity: "warning",
  scope: "target",
  gate: { against: "client", versions: ["1.2"], beforeServicePack: 2 },
  sources: ["Q163488", "Q157677"],
  why:
    "SMS 1.2 PCM before SP2 processes the instruction file only when it changed since the last poll. An Offer After or Mandatory After that falls after PCM first saw the record " +
    "is not acted on until PCM restarts (logoff, reboot) or another job changes the file. The instructions can arrive as soon as the job is activated, so any such date after now is at risk. " +
    "A client where no PCM acts on the record at its first reading (not yet offered to the desktop PCM, not yet mandatory for the service) does not run it until a restart, which the console cannot foresee.",
  appliesTo: ({ context, hasRunPhase, offerAfter, mandatoryAfter }) => {
    const now = normaliseWallClock(context.now);
    return hasRunPhase && ((offerAfter !== null && offerAfter > now) || (mandatoryAfter !== null && mandatoryAfter > now));
  },
  checkTarget: () => true,
  // Until PCM restarts (logoff and logon, reboot), which the console cannot foresee: like the simulator, none is assumed.
  blocksRun: {
    because: "its pre-SP2 PCM reads the unchanged .INS only once and does not act on a later Offer or Mandatory After until PCM restarts",
    when: (computer, facts) => !isActedOnAtFirstReading(computer, facts),
  },
  message: (count, total) =>
    `${ofTargets(count, total)} run SMS 1.2 PCM before SP2: PCM only re-reads the .INS when it changes; set Offer/Mandatory before the instructions reach the client.`,
  fix: () => ({ form: "job", field: "runPhase.offerAfter", text: "Set Offer After (and Mandatory After) to times before the job is activated, or plan a PCM restart (logon) after them." }),
};

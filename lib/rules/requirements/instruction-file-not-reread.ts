import { normaliseWallClock } from "../../wall-clock";
import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";

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
    "is not acted on until PCM restarts (logoff, reboot) or another job changes the file. The instructions can arrive as soon as the job is activated, so any such date after now is at risk.",
  appliesTo: ({ context, hasRunPhase, offerAfter, mandatoryAfter }) => {
    const now = normaliseWallClock(context.now);
    return hasRunPhase && ((offerAfter !== null && offerAfter > now) || (mandatoryAfter !== null && mandatoryAfter > now));
  },
  checkTarget: () => true,
  message: (count, total) =>
    `${ofTargets(count, total)} run SMS 1.2 PCM before SP2: PCM only re-reads the .INS when it changes; set Offer/Mandatory before the instructions reach the client.`,
  fix: () => ({ form: "job", field: "runPhase.offerAfter", text: "Set Offer After (and Mandatory After) to times before the job is activated, or plan a PCM restart (logon) after them." }),
};

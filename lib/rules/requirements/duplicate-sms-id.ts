import type { JobRule } from "../rule";
import { computerSubject, ofTargets } from "../subjects";

/** R76 (Q192859, Q183398): duplicate SMS IDs make instruction files and status ambiguous. */
export const duplicateSmsId: JobRule = {
  kind: "job",
  code: "R76",
  title: "Duplicate SMS IDs",
  severity: "error",
  scope: "target",
  gate: null,
  sources: ["Q192859", "Q183398"],
  why:
    "PCM finds its instructions by SMS ID (<SMSID>.INS) and reports status under it. Machines cloned with the same Sms.ini, or built from an Installer repackage, " +
    "share an ID: they read one instruction file and their statuses overwrite each other.",
  check({ context }) {
    const seen = new Set<string>();
    const duplicated = new Set<string>();
    let unknownCount = 0;
    for (const computer of context.targets) {
      if (seen.has(computer.smsId) || computer.hasDuplicateSmsId === true) duplicated.add(computer.smsId);
      else if (computer.hasDuplicateSmsId === null) unknownCount += 1;
      seen.add(computer.smsId);
    }
    const notChecked = unknownCount > 0 ? `no duplicate SMS ID scan recorded for ${unknownCount} target${unknownCount === 1 ? "" : "s"}` : undefined;
    if (duplicated.size === 0) return notChecked ? { notChecked } : null;
    return {
      notChecked,
      finding: {
        message: `Duplicate SMS IDs make instruction files and status ambiguous; fix with SMSIDDUP and delete Sms.ini: ${ofTargets(duplicated.size, context.targets.length)} have an SMS ID used by another machine.`,
        subjects: [...duplicated].map(computerSubject),
        fix: { form: "computer", field: "hasDuplicateSmsId", text: "Run SMSIDDUP, delete Sms.ini on the copies so they get new IDs, then record the scan." },
      },
    };
  },
};

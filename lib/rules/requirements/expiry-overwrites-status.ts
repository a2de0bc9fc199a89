import type { JobRule } from "../rule";
import { siteSubject } from "../subjects";
import { isInGate, type VersionGate } from "../version-gate";

const GATE: VersionGate = { against: "site", versions: ["1.0", "1.1"] };

/** R38 (Q152229): on SMS 1.0/1.1 sites expiry overwrites the detailed job status. */
export const expiryOverwritesStatus: JobRule = {
  kind: "job",
  code: "R38",
  title: "Expiry overwrites job status on SMS 1.0/1.1",
  severity: "warning",
  scope: "site",
  gate: GATE,
  sources: ["Q152229"],
  why:
    "When a package expires PCM has the despooler update the instruction files, and the status MIF it creates sets each workstation's status to Retrying (1.0) or Canceled (1.1), " +
    "so the real result of the job is lost. SMS 1.2 keeps the last status.",
  check({ definition, hasRunPhase, involvedSites }) {
    if (!hasRunPhase || !definition.runPhase.isExpiring) return null;
    const oldSites = involvedSites.filter((site) => isInGate(site.smsVersion, site.servicePack, GATE));
    if (oldSites.length === 0) return null;
    return {
      finding: {
        message: `After expiry the detailed job status is overwritten (Retrying in 1.0, Canceled in 1.1) at ${oldSites.map((site) => site.code).join(", ")}; extend expiry or use a NOIDMIF.`,
        subjects: oldSites.map((site) => siteSubject(site.code)),
        fix: { form: "job", field: "runPhase.expireAfter", text: "Move Expire After well past the expected runs, or untick Expire After and cancel the job instead." },
      },
    };
  },
};

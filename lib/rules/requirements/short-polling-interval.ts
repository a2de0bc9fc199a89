import type { JobRule } from "../rule";
import { siteSubject } from "../subjects";

export const MIN_SERVICE_POLLING_INTERVAL_MINUTES = 20;

/** R65 (Q166765): keep the PCM polling interval at 20 minutes or more for service jobs. */
export const shortPollingInterval: JobRule = {
  kind: "job",
  code: "R65",
  title: "PCM polling interval of 20 minutes or more",
  severity: "warning",
  scope: "site",
  gate: null,
  sources: ["Q166765"],
  why:
    "After a run the client's status MIF travels to the site and the despooler removes the instruction. If the PCM service polls again within 20 minutes, " +
    "the status may not have been processed yet and the package runs again.",
  check({ clientSites, hasRunPhase, isServiceJob }) {
    if (!hasRunPhase || !isServiceJob) return null;
    const short = clientSites.filter((site) => site.pcmPollingIntervalMinutes < MIN_SERVICE_POLLING_INTERVAL_MINUTES);
    if (short.length === 0) return null;
    return {
      finding: {
        message: `Polling interval below 20 minutes can rerun the package before its status MIF has been processed: ${short.map((site) => `${site.code} polls every ${site.pcmPollingIntervalMinutes} minutes`).join(", ")}.`,
        subjects: short.map((site) => siteSubject(site.code)),
        fix: { form: "site", field: "pcmPollingIntervalMinutes", value: MIN_SERVICE_POLLING_INTERVAL_MINUTES, text: "Set the PCM polling interval (Site Properties, Clients) to 20 minutes or more." },
      },
    };
  },
};

import type { JobRule } from "../rule";
import { jobSubject } from "../subjects";

/** R32 (Q185649, Q221945): send-only jobs never show Complete before SMS 1.2 SP4. */
export const sendOnlyJob: JobRule = {
  kind: "job",
  code: "R32",
  title: "Send-only jobs never complete before SP4",
  severity: "warning",
  scope: "job",
  gate: { against: "site", versions: ["1.0", "1.1", "1.2"], beforeServicePack: 4 },
  sources: ["Q185649", "Q221945"],
  why: "A job with only a Send Phase has no distribution or workstation records to complete, so before SMS 1.2 SP4 its status stays Active after the package has arrived.",
  check({ context, definition }) {
    const distribute = definition.distributePhase;
    const isSendOnly = definition.sendPhase.isEnabled && !distribute.putOnSpecifiedServers && !distribute.refreshExistingServers && !definition.runPhase.isEnabled;
    if (!isSendOnly) return null;
    return {
      finding: {
        message: "Send-only jobs never show Complete before SP4; cancel once the package has arrived.",
        subjects: [jobSubject(context.job.jobId)],
        fix: { form: "job", field: "distributePhase.putOnSpecifiedServers", text: "Cancel the job once the package has arrived at the target sites, or add a Distribute or Run phase." },
      },
    };
  },
};

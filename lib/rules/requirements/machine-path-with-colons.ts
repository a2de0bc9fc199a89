import type { JobRule } from "../rule";
import { jobSubject } from "../subjects";

/** R47 (Q161520): machine paths are site|domain|computername; colons fail with event 319. */
export const machinePathWithColons: JobRule = {
  kind: "job",
  code: "R47",
  title: "Machine paths use pipes",
  severity: "error",
  scope: "job",
  gate: null,
  sources: ["Q161520"],
  why: "The SMS 1.2 help shows machine paths with colons, but the Scheduler parses only pipes: a path with colons fails to resolve with event 319.",
  check({ context, definition }) {
    const { kind, machinePath } = definition.target;
    if (kind !== "MACHINE_PATH" || !machinePath?.includes(":")) return null;
    return {
      finding: {
        message: "Use 'site|domain|computername' for machine paths (colons fail with event 319).",
        subjects: [jobSubject(context.job.jobId)],
        fix: { form: "job", field: "target.machinePath", value: machinePath.replaceAll(":", "|"), text: "Separate the machine path with pipes." },
      },
    };
  },
};

import type { JobRule } from "../rule";
import { jobSubject } from "../subjects";

/** R49 (Q156250, Q156270): whole-site targets for a platform-specific package leave the job Active. */
export const broadTargetForPlatformPackage: JobRule = {
  kind: "job",
  code: "R49",
  title: "Broad targets with platform-specific packages",
  severity: "warning",
  scope: "job",
  gate: null,
  sources: ["Q156250", "Q156270"],
  why:
    "A machine path with * for the computer reaches every client of a site or domain. Clients whose platform is not supported never run the command, " +
    "so their workstation status stays None and the job stays Active or Retrying. The job's platform filter keeps them out of the target. " +
    "(The KB also names NetWare servers as targets; the console holds no such computers.)",
  check({ context, definition, hasRunPhase, supportedPlatforms, commandLine }) {
    const target = definition.target;
    if (!hasRunPhase || !commandLine || target.kind !== "MACHINE_PATH") return null;
    const computerPart = target.machinePath?.split(/[|:]/).at(-1)?.trim();
    if (computerPart !== "*") return null;
    let unsupported = 0;
    for (const computer of context.targets) if (!supportedPlatforms.has(computer.platform)) unsupported += 1;
    if (unsupported === 0) return null;
    return {
      finding: {
        message: `The machine path targets a whole site or domain and ${unsupported} target${unsupported === 1 ? "" : "s"} cannot run the command: they will stay at status None and the job stays Active; target only matching platforms (machine group, query, individual clients, or the platform filter).`,
        subjects: [jobSubject(context.job.jobId)],
        fix: { form: "job", field: "target.platforms", value: [...commandLine.supportedPlatforms], text: "Limit the target to the command line's Supported Platforms." },
      },
    };
  },
};

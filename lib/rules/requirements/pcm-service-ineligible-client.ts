import type { TargetRule } from "../rule";
import { ofTargets } from "../subjects";
import { desktopRunsServiceJobs, isPcmServicePlatform } from "../target-helpers";

/** R61 (Q167114): the PCM service runs only on SMS 1.2 Windows NT clients that are members of an NT Server domain. */
export const pcmServiceIneligibleClient: TargetRule = {
  kind: "target",
  code: "R61",
  title: "PCM service client eligibility",
  severity: "error",
  scope: "target",
  gate: null,
  sources: ["Q167114"],
  why:
    "Pcmsvc32 exists only for Windows NT Workstation and Server (Intel or Alpha) clients of SMS 1.2 that are members of a Windows NT Server domain: " +
    "its account reads the instruction file and package share with domain rights. Other clients' desktop PCM skips service-only packages, so they never run the job. " +
    "A computer with no NT domain recorded is taken as not a domain member. Windows NT on MIPS is not eligible: the article names Intel and Alpha only (R62 adds that no MIPS build exists).",
  appliesTo: ({ hasRunPhase, isServiceJob }) => hasRunPhase && isServiceJob,
  checkTarget: (computer) => !isPcmServicePlatform(computer.platform) || computer.smsClientVersion !== "1.2" || computer.ntDomain === null,
  blocksRun: {
    because: "the PCM service runs only on SMS 1.2 Windows NT clients (Intel or Alpha) in an NT domain, and the desktop PCM skips service-only packages",
    // Before SP2 a loaded Pcmwin32 runs background jobs itself (Q165147).
    when: (computer) => !desktopRunsServiceJobs(computer),
  },
  message: (count, total) =>
    `${ofTargets(count, total)} cannot run the PCM service: PCM as a service is only available on SMS 1.2 Windows NT clients (Intel or Alpha) that are members of an NT Server domain.`,
  fix: () => ({ form: "job", field: "target.platforms", text: "Target only SMS 1.2 Windows NT clients (Intel or Alpha) in an NT domain, or clear System (Background) Task so the desktop PCM runs it." }),
};

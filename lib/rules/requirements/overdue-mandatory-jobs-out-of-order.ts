import type { ReviewOtherJob } from "../context";
import type { JobFacts } from "../job-facts";
import { unknownFact, type TargetRule } from "../rule";
import { ofTargets } from "../subjects";

const OTHER_JOBS_NOT_LOADED = unknownFact("the other active jobs were not loaded");

/**
 * The other jobs whose record sits in the .INS in the opposite order to their Mandatory After:
 * a job sent earlier that becomes mandatory later, or one sent later that becomes mandatory earlier.
 * The reviewed job, if not sent yet, goes after every active one (Send appends its record).
 * Equal times have no order to break; a job that expires before the other becomes mandatory is never overdue with it.
 */
export function jobsOutOfMandatoryOrder(facts: JobFacts): ReviewOtherJob[] {
  const mandatoryAfter = facts.mandatoryAfter;
  const others = facts.context.otherJobs;
  if (!mandatoryAfter || !others) return [];
  const sentAt = facts.context.job.sentAt ?? null;
  const jobId = facts.context.job.jobId;
  return others.filter((other) => {
    if (other.jobId === jobId || other.mandatoryAfter === mandatoryAfter) return false;
    const isOverdueTogether =
      (other.expireAfter === null || other.expireAfter > mandatoryAfter) && (facts.expireAfter === null || facts.expireAfter > other.mandatoryAfter);
    if (!isOverdueTogether) return false;
    const isOtherFirstInFile = sentAt === null || other.sentAt < sentAt || (other.sentAt === sentAt && other.jobId < (jobId ?? ""));
    return isOtherFirstInFile ? other.mandatoryAfter > mandatoryAfter : other.mandatoryAfter < mandatoryAfter;
  });
}

/**
 * R42 (Q173388, fixed SP4): every PCM before SP4 runs several overdue mandatory jobs in the order of
 * the .INS, not in Mandatory After order, when the user logs on or the computer starts late.
 */
export const overdueMandatoryJobsOutOfOrder: TargetRule = {
  kind: "target",
  code: "R42",
  title: "Overdue mandatory jobs run out of order before SP4",
  severity: "warning",
  scope: "job",
  gate: { against: "client", versions: ["1.0", "1.1", "1.2"], beforeServicePack: 4 },
  sources: ["Q173388"],
  undecidablePart:
    "Whether the order matters (one package needing another installed first) is not recorded, so the rule warns whenever the order can differ.",
  why:
    "PCMDOS, Pcmwin16, Pcmwin32 and Pcmsvc32 before SMS 1.2 SP4 run mandatory jobs that are overdue together (the user logs on late, the computer was off) in the order of the instruction file, " +
    "which is the order the jobs were sent, not in Mandatory After order. The console knows every active job's targets, Mandatory After and send order, and each target's PCM version. " +
    "The simulator shows the two orders (sms simulate).",
  appliesTo: (facts) => facts.hasRunPhase && facts.mandatoryAfter !== null,
  checkTarget(computer, facts) {
    if (!facts.context.otherJobs) return OTHER_JOBS_NOT_LOADED;
    return jobsOutOfMandatoryOrder(facts).some((other) => other.sharedTargetSmsIds.includes(computer.smsId));
  },
  message(count, total, facts) {
    const others = jobsOutOfMandatoryOrder(facts)
      .map((other) => `${other.jobId} (Mandatory After ${other.mandatoryAfter})`)
      .join(", ");
    return `${ofTargets(count, total)} run PCM before SMS 1.2 SP4 and also hold ${others}, sent in the other order: overdue mandatory jobs are not run in mandatory-time order before SP4; stagger them.`;
  },
  fix: () => ({
    form: "job",
    field: "runPhase.mandatoryAfter",
    text: "Stagger Mandatory After so each job has run before the next becomes mandatory, or send the jobs in Mandatory After order.",
  }),
};

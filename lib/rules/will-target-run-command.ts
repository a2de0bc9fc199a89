import type { ReviewComputer, ReviewContext } from "./context";
import { buildJobFacts } from "./job-facts";
import { REQUIREMENT_RULES } from "./requirement-rules";
import { UnknownFact, type NotChecked, type TargetRule } from "./rule";
import { targetVerdict } from "./target-verdict";

export interface RunBlocker {
  rule: string;
  message: string;
}

export interface TargetRunVerdict {
  runs: boolean;
  reasons: RunBlocker[];
  /** Blocking rules that could not be judged for this computer; `runs` assumes they hold. */
  notChecked: NotChecked[];
}

/** Reason code when the computer is not among the job's resolved targets. */
export const NOT_A_TARGET = "not-a-target";

/**
 * Whether a client will ever run the job's command, from the same checks as the review: only the
 * rules whose failure means the command never runs (unsupported platform R60, no PCM service R61/R63,
 * background job rules R4/R5, no run phase R31, already expired R35, …). Build once per job and ask
 * per client, so a simulator over 10,000 clients stays linear.
 */
export function createRunVerdicts(context: ReviewContext): (smsId: string) => TargetRunVerdict {
  const facts = buildJobFacts(context);
  const jobReasons: RunBlocker[] = [];
  for (const rule of REQUIREMENT_RULES) {
    const message = rule.kind === "job" ? (rule.blocksRun?.(facts) ?? null) : null;
    if (message) jobReasons.push({ rule: rule.code, message });
  }
  const blockingTargetRules = REQUIREMENT_RULES.filter(
    (rule): rule is TargetRule => rule.kind === "target" && rule.blocksRun !== undefined && rule.appliesTo(facts),
  );
  const targets = new Map<string, ReviewComputer>(context.targets.map((computer) => [computer.smsId, computer]));

  return (smsId) => {
    const computer = targets.get(smsId);
    if (!computer) return { runs: false, reasons: [{ rule: NOT_A_TARGET, message: `${smsId} is not a target of this job.` }], notChecked: [] };
    const reasons = [...jobReasons];
    const notChecked: NotChecked[] = [];
    for (const rule of blockingTargetRules) {
      const blocker = rule.blocksRun;
      // A rule that cannot block this computer whatever its verdict leaves nothing unchecked for the run.
      if (blocker?.when && !blocker.when(computer, facts)) continue;
      const verdict = targetVerdict(rule, computer, facts);
      if (verdict instanceof UnknownFact) notChecked.push({ rule: rule.code, reason: verdict.reason });
      else if (verdict && blocker) reasons.push({ rule: rule.code, message: `${smsId} will not run the command: ${blocker.because}.` });
    }
    return { runs: reasons.length === 0, reasons, notChecked };
  };
}

export function willTargetRunCommand(context: ReviewContext, smsId: string): TargetRunVerdict {
  return createRunVerdicts(context)(smsId);
}

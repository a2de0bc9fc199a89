import { isServerJobType, type JobType } from "../jobs/schema";
import type { ReviewContext } from "./context";
import { sortedReview, toFinding } from "./finding";
import { buildJobFacts, type JobFacts } from "./job-facts";
import { REQUIREMENT_RULES } from "./requirement-rules";
import type { Finding, IndexedCommandLine, JobRule, NotChecked, RequirementRule, RuleMetadata, RuleResult, RuleReview, Subject, TargetRule } from "./rule";
import { computerSubject, plural } from "./subjects";
import { targetVerdict } from "./target-verdict";
import { isInGate } from "./version-gate";

export type JobReview = RuleReview;

/**
 * The rules a Share Package On Server or Remove Package From Server job is reviewed against: its
 * package source, its servers, its sites and dates. It has no run phase, command line or client
 * targets, so the workstation rules (R1-R18, R23-R45, R47-R54, R58-R80, R82) do not apply.
 */
export const SERVER_JOB_RULES: ReadonlySet<string> = new Set(["R19", "R20", "R46", "R55", "R56", "R57", "R81"]);

/** The requirement rules that apply to a job of this type. */
export function rulesForJobType(jobType: JobType): readonly RequirementRule[] {
  return isServerJobType(jobType) ? REQUIREMENT_RULES.filter((rule) => SERVER_JOB_RULES.has(rule.code)) : REQUIREMENT_RULES;
}

/**
 * Reviews a job against every implemented requirement (digest §4) before it is sent. Findings are
 * aggregated per rule with the subjects they concern; target rules share one pass over the targets.
 * Facts the console does not hold never fire a finding: they are listed under `notChecked`.
 */
export function reviewJob(context: ReviewContext): JobReview {
  const facts = buildJobFacts(context);
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  const collect = (rule: RuleMetadata, result: RuleResult | null) => {
    if (result?.finding) findings.push(toFinding(rule, result.finding));
    if (result?.notChecked) notChecked.push({ rule: rule.code, reason: result.notChecked });
  };

  const chosen: IndexedCommandLine[] = facts.commandLine ? [{ line: facts.commandLine, index: facts.commandLineIndex }] : [];
  const packageInput = {
    package: context.package,
    commandLines: chosen,
    sites: context.sites,
    storingSiteCodes: [...new Set([facts.definition.siteCode, ...facts.targetSiteCodes])],
    distributionServers: context.distributionServers,
  };
  const targetRules: TargetRule[] = [];
  for (const rule of rulesForJobType(facts.definition.jobType)) {
    if (rule.kind === "commandLine") for (const line of chosen) collect(rule, rule.check(line, context.sites));
    else if (rule.kind === "package") collect(rule, rule.check(packageInput));
    else if (rule.kind === "job") collect(rule, checkJobRule(rule, facts));
    else if (rule.appliesTo(facts)) targetRules.push(rule);
  }
  reviewTargets(targetRules, facts, findings, notChecked);
  return sortedReview(findings, notChecked);
}

/** A job-scope rule's gate is the job's (originating) site; site and server rules gate their own subjects. */
export function checkJobRule(rule: JobRule, facts: JobFacts): RuleResult | null {
  if (rule.gate && rule.scope === "job") {
    const site = facts.jobSite;
    if (!site) return { notChecked: "the job's site is not in the console" };
    if (!isInGate(site.smsVersion, site.servicePack, rule.gate)) return null;
  }
  return rule.check(facts);
}

function reviewTargets(rules: readonly TargetRule[], facts: JobFacts, findings: Finding[], notChecked: NotChecked[]) {
  const tallies = rules.map(() => ({ subjects: [] as Subject[], unknown: new Map<string, number>() }));
  for (const computer of facts.context.targets) {
    for (let index = 0; index < rules.length; index += 1) {
      const verdict = targetVerdict(rules[index] as TargetRule, computer, facts);
      if (verdict === false) continue;
      const tally = tallies[index] as (typeof tallies)[number];
      if (verdict === true) tally.subjects.push(computerSubject(computer.smsId));
      else tally.unknown.set(verdict.reason, (tally.unknown.get(verdict.reason) ?? 0) + 1);
    }
  }
  const total = facts.context.targets.length;
  rules.forEach((rule, index) => {
    const { subjects, unknown } = tallies[index] as (typeof tallies)[number];
    if (subjects.length > 0) findings.push(toFinding(rule, { message: rule.message(subjects.length, total, facts), subjects, fix: rule.fix(facts) }));
    for (const [reason, count] of unknown) notChecked.push({ rule: rule.code, reason: `${reason} for ${plural(count, "target")}` });
  });
}

import { ruleNumber, SEVERITIES, type Finding, type FindingDraft, type NotChecked, type RuleMetadata, type RuleReview, type Severity } from "./rule";

export function toFinding(rule: RuleMetadata, draft: FindingDraft, severity: Severity = rule.severity): Finding {
  return {
    rule: rule.code,
    severity,
    title: rule.title,
    message: draft.message,
    why: rule.why,
    sources: rule.sources,
    subjects: draft.subjects,
    fix: draft.fix,
  };
}

/** Errors first, then warnings, then infos; within a severity by rule number. */
export function sortedReview(findings: Finding[], notChecked: NotChecked[]): RuleReview {
  const bySeverity = (severity: Severity) => SEVERITIES.indexOf(severity);
  findings.sort((a, b) => bySeverity(a.severity) - bySeverity(b.severity) || ruleNumber(a.rule) - ruleNumber(b.rule));
  notChecked.sort((a, b) => ruleNumber(a.rule) - ruleNumber(b.rule));
  return { findings, notChecked };
}

/** "R75: clock offset not recorded for 12 targets". */
export function formatNotChecked(entry: NotChecked): string {
  return `${entry.rule}: ${entry.reason}`;
}

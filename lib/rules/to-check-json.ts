import type { Fix, RuleReview, Severity, Subject } from "./rule";

/** The JSON `sms check` prints: exactly these keys, the fix as text. */
export interface CheckJson {
  job: string;
  findings: {
    rule: string;
    severity: Severity;
    message: string;
    why: string;
    sources: string[];
    subjects: Subject[];
    fix: string;
  }[];
}

export function toCheckJson(review: RuleReview, jobId: string): CheckJson {
  return {
    job: jobId,
    findings: review.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      why: finding.why,
      sources: [...finding.sources],
      subjects: finding.subjects.map((subject) => ({ kind: subject.kind, id: subject.id })),
      fix: formatFix(finding.fix),
    })),
  };
}

/** "Tick 'Automated Command Line'. (package form: commandLines.0.isAutomated = true)". */
export function formatFix(fix: Fix): string {
  const change = fix.value === undefined ? fix.field : `${fix.field} = ${JSON.stringify(fix.value)}`;
  return `${fix.text} (${fix.form} form: ${change})`;
}

import { expect, it } from "vitest";
import type { ReviewContext } from "./context";
import { reviewJob } from "./review-job";
import type { RuleCode } from "./rule";

/** One row of a rule table: the context (usually `reviewContext` with one change) and what the rule must do. */
export interface RuleCase {
  rule: RuleCode;
  expected: "fires" | "passes" | "notChecked";
  name: string;
  context: ReviewContext;
}

/**
 * Table-driven rule tests for vitest files only. "fires": a finding for the rule; "passes": neither a
 * finding nor a not-checked entry for it (the rule decided); "notChecked": no finding, but listed as not checked.
 */
export function expectRuleCases(cases: readonly RuleCase[]) {
  it.each(cases)("$rule $expected: $name", ({ rule, expected, context }) => {
    const review = reviewJob(context);
    const fired = review.findings.some((finding) => finding.rule === rule);
    const unchecked = review.notChecked.some((entry) => entry.rule === rule);
    expect(fired, "finding").toBe(expected === "fires");
    // A firing rule may also leave other subjects unchecked; otherwise "passes" means the rule decided.
    if (expected !== "fires") expect(unchecked, "not checked").toBe(expected === "notChecked");
  });
}

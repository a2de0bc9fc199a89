import type { ReviewCommandLine, ReviewPackage, ReviewSite } from "./context";
import { sortedReview, toFinding } from "./finding";
import { REQUIREMENT_RULES } from "./requirement-rules";
import type { Finding, IndexedCommandLine, NotChecked, RuleMetadata, RuleResult, RuleReview } from "./rule";

/**
 * The package form's review: rules that look at a command line or the package alone, so the form
 * can show them as fields change. Pure and synchronous, no Node APIs. Unlike a job review, each
 * command line gets its own finding, so the form can show it beside that line.
 */
export function reviewPackage(pkg: ReviewPackage, sites: ReadonlyMap<string, ReviewSite>): RuleReview {
  const commandLines = pkg.commandLines.map((line, index) => ({ line, index }));
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  const input = { package: pkg, commandLines, sites, storingSiteCodes: [pkg.siteCode], distributionServers: null };
  for (const rule of REQUIREMENT_RULES) {
    if (rule.kind === "commandLine") for (const line of commandLines) collect(rule, rule.check(line, sites), findings, notChecked);
    else if (rule.kind === "package") collect(rule, rule.check(input), findings, notChecked);
  }
  return sortedReview(findings, notChecked);
}

/** One command line on its own (`index` is its position in the form, for fix field paths). */
export function reviewCommandLine(line: ReviewCommandLine, index = 0, sites: ReadonlyMap<string, ReviewSite> = new Map()): RuleReview {
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  const indexed: IndexedCommandLine = { line, index };
  for (const rule of REQUIREMENT_RULES) {
    if (rule.kind === "commandLine") collect(rule, rule.check(indexed, sites), findings, notChecked);
  }
  return sortedReview(findings, notChecked);
}

function collect(rule: RuleMetadata, result: RuleResult | null, findings: Finding[], notChecked: NotChecked[]) {
  if (result?.finding) findings.push(toFinding(rule, result.finding));
  if (result?.notChecked) notChecked.push({ rule: rule.code, reason: result.notChecked });
}

import type { ReviewCommandLine, ReviewComputer, ReviewPackage, ReviewServer, ReviewSite } from "./context";
import type { JobFacts } from "./job-facts";
import type { VersionGate } from "./version-gate";

/**
 * Requirement rules as data (digest §4). Each rule names its catalogue code, what it looks at,
 * the SMS versions it applies to, a pure check, a message, a `why`, its KB sources and a fix.
 * The engine (review-job.ts) runs them; nothing here throws on a failed requirement.
 */
export type RuleCode = `R${number}`;
export type Severity = "error" | "warning" | "info";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** What a rule looks at. */
export type RuleScope = "commandLine" | "package" | "job" | "target" | "site" | "server";

export type SubjectKind = "computer" | "commandLine" | "package" | "job" | "site" | "server";
export interface Subject {
  kind: SubjectKind;
  id: string;
}

export type FixForm = "job" | "package" | "site" | "computer" | "server";
export type FixValue = boolean | number | string | readonly string[];
/**
 * What to change, in the form's own field names. `value` is set only when the fix is exactly one
 * field away; computer and server records describe machines, so their fixes never carry a value:
 * the machine has to change first, then its record.
 */
export interface Fix {
  form: FixForm;
  field: string;
  value?: FixValue;
  text: string;
}

export interface RuleMetadata {
  code: RuleCode;
  title: string;
  severity: Severity;
  scope: RuleScope;
  /** The SMS versions the rule applies to; null when it applies to every version (or the check itself tells them apart). */
  gate: VersionGate | null;
  /** The versions in words, when the gate cannot say it (a rule that mixes client kinds and versions). */
  versionNote?: string;
  /** The part of the catalogue's condition the console still cannot decide, and why; absent when it decides all of it. */
  undecidablePart?: string;
  sources: readonly string[];
  /** The behaviour behind the rule, in a few sentences. */
  why: string;
}

/** A rule's verdict on one subject it could not judge: a fact it needs is not recorded. */
export class UnknownFact {
  constructor(readonly reason: string) {}
}
export const unknownFact = (reason: string) => new UnknownFact(reason);

/** A finding before the engine adds the rule's metadata. */
export interface FindingDraft {
  message: string;
  subjects: Subject[];
  fix: Fix;
}

/** What a non-target rule returns: a finding, a reason it could not check (part of) its subject, both, or null. */
export interface RuleResult {
  finding?: FindingDraft;
  notChecked?: string;
}

export interface IndexedCommandLine {
  line: ReviewCommandLine;
  /** Position in the package's command lines: the N of the form field `commandLines.N.…`. */
  index: number;
}

/** Looks at one workstation command line alone: runs in the package form as fields change. */
export interface CommandLineRule extends RuleMetadata {
  kind: "commandLine";
  check(commandLine: IndexedCommandLine, sites: ReadonlyMap<string, ReviewSite>): RuleResult | null;
}

export interface PackageRuleInput {
  package: ReviewPackage;
  /** The command lines under review: all of them in the package form, the chosen one in a job. */
  commandLines: readonly IndexedCommandLine[];
  sites: ReadonlyMap<string, ReviewSite>;
  /** Sites whose site servers store the package: the package's site, or the job's sites. */
  storingSiteCodes: readonly string[];
  /** The job's distribution servers; null in the package form, where no job chose them yet. */
  distributionServers: readonly ReviewServer[] | null;
}

export interface PackageRule extends RuleMetadata {
  kind: "package";
  check(input: PackageRuleInput): RuleResult | null;
}

/**
 * Looks at the job as a whole, its sites or its servers. For scope "job" the engine evaluates the gate
 * against the job's site; site and server rules (and package rules) apply their gate to their own subjects.
 */
export interface JobRule extends RuleMetadata {
  kind: "job";
  check(facts: JobFacts): RuleResult | null;
  /** The part of the rule that means no target will ever run the command (for willTargetRunCommand). */
  blocksRun?(facts: JobFacts): string | null;
}

/**
 * Looks at each target. The engine makes one pass over the targets, applies the gate (client or
 * target site version) and aggregates the computers a rule fires for into one finding.
 */
export interface TargetRule extends RuleMetadata {
  kind: "target";
  /** Job-level precondition, e.g. "the job is a service job"; false skips the targets altogether. */
  appliesTo(facts: JobFacts): boolean;
  /** true: the requirement fails for this computer; false: it holds; UnknownFact: a needed fact is not recorded. */
  checkTarget(computer: ReviewComputer, facts: JobFacts): boolean | UnknownFact;
  message(count: number, total: number, facts: JobFacts): string;
  fix(facts: JobFacts): Fix;
  /** Set when a failing computer never runs the command (willTargetRunCommand): why, and, with `when`, only in that case. */
  blocksRun?: { because: string; when?: (computer: ReviewComputer, facts: JobFacts) => boolean };
}

export type RequirementRule = CommandLineRule | PackageRule | JobRule | TargetRule;

export interface Finding {
  rule: RuleCode;
  severity: Severity;
  title: string;
  message: string;
  why: string;
  sources: readonly string[];
  subjects: Subject[];
  fix: Fix;
}

export interface NotChecked {
  rule: RuleCode;
  reason: string;
}

/** A review: findings sorted errors first, then by rule number; and what could not be checked. */
export interface RuleReview {
  findings: Finding[];
  notChecked: NotChecked[];
}

export function ruleNumber(code: string): number {
  return Number(code.slice(1));
}

/** R83-R85 look at an operation on existing jobs or packages; the data layer calls their predicates. */
export interface OperationRule extends RuleMetadata {
  kind: "operation";
}

/** An operation's review: allowed unless a finding is an error. */
export interface OperationReview extends RuleReview {
  allowed: boolean;
}

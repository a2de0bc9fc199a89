import { NOT_DECIDABLE_RULES } from "./not-decidable-rules";
import { OPERATION_RULES, REQUIREMENT_RULES } from "./requirement-rules";
import { ruleNumber, type RuleCode, type RuleScope, type Severity } from "./rule";
import type { VersionGate } from "./version-gate";

export type RuleStatus = "implemented" | "not-decidable";

/** One line of the requirement catalogue R1-R88 (digest §4), as `sms rules` lists it. */
export interface CatalogueEntry {
  code: RuleCode;
  title: string;
  severity: Severity;
  scope: RuleScope;
  status: RuleStatus;
  /** Why the console cannot decide the rule; only for not-decidable entries. */
  reason?: string;
  /** For an implemented rule, the part of its condition the console still cannot decide, and why. */
  undecidablePart?: string;
  gate: VersionGate | null;
  versionNote?: string;
  sources: readonly string[];
  /** The behaviour behind a checked rule, as its findings explain it. */
  why?: string;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  ...[...REQUIREMENT_RULES, ...OPERATION_RULES].map(
    (rule): CatalogueEntry => ({
      code: rule.code,
      title: rule.title,
      severity: rule.severity,
      scope: rule.scope,
      status: "implemented",
      gate: rule.gate,
      ...(rule.versionNote ? { versionNote: rule.versionNote } : {}),
      ...(rule.undecidablePart ? { undecidablePart: rule.undecidablePart } : {}),
      sources: rule.sources,
      why: rule.why,
    }),
  ),
  ...NOT_DECIDABLE_RULES.map(
    (rule): CatalogueEntry => ({ code: rule.code, title: rule.title, severity: rule.severity, scope: rule.scope, status: "not-decidable", reason: rule.reason, gate: null, sources: rule.sources }),
  ),
].sort((a, b) => ruleNumber(a.code) - ruleNumber(b.code));

export function catalogueEntry(code: string): CatalogueEntry | undefined {
  return CATALOGUE.find((entry) => entry.code === code);
}

/** Catalogue entries whose code, title, reason, behaviour or KB source mentions every word searched for. */
export function searchCatalogue(entries: readonly CatalogueEntry[], search: string): CatalogueEntry[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = [entry.code, entry.title, entry.reason ?? "", entry.why ?? "", entry.versionNote ?? "", ...entry.sources].join(" ").toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

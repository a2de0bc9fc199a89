import type { ReviewComputer } from "./context";
import type { JobFacts } from "./job-facts";
import { unknownFact, type TargetRule, type UnknownFact } from "./rule";
import { isInGate } from "./version-gate";

const SITE_NOT_KNOWN = unknownFact("the target's site is not in the console");

/** A target rule's verdict on one computer, its version gate applied first (outside the gate the rule holds). */
export function targetVerdict(rule: TargetRule, computer: ReviewComputer, facts: JobFacts): boolean | UnknownFact {
  const gate = rule.gate;
  if (gate) {
    if (gate.against === "client") {
      if (!isInGate(computer.smsClientVersion, computer.smsClientServicePack, gate)) return false;
    } else {
      const site = facts.context.sites.get(computer.siteCode);
      if (!site) return SITE_NOT_KNOWN;
      if (!isInGate(site.smsVersion, site.servicePack, gate)) return false;
    }
  }
  return rule.checkTarget(computer, facts);
}

import type { SmsVersion } from "../sites/schema";

/**
 * Which SMS versions a rule applies to (digest §3.16). Service packs exist for SMS 1.2 only, and
 * 1.0/1.1 carry service pack 0, so "before SP3" over ["1.0", "1.1", "1.2"] means every 1.0 and
 * 1.1 installation plus 1.2 RTM, SP1 and SP2.
 */
export interface VersionGate {
  /** Whose version: each target's SMS client (its PCM), or a site (the target's site, or the job's for job rules). */
  against: "client" | "site";
  versions: readonly SmsVersion[];
  /** First service pack the rule applies to (inclusive). */
  fromServicePack?: number;
  /** First service pack the rule no longer applies to: the one that fixed the behaviour. */
  beforeServicePack?: number;
}

export function isInGate(version: SmsVersion, servicePack: number, gate: VersionGate): boolean {
  if (!gate.versions.includes(version)) return false;
  if (gate.fromServicePack !== undefined && servicePack < gate.fromServicePack) return false;
  if (gate.beforeServicePack !== undefined && servicePack >= gate.beforeServicePack) return false;
  return true;
}

/** "clients before SMS 1.2 SP3", "SMS 1.2 SP3 and later sites", "SMS 1.0 and 1.1 clients". */
export function describeGate(gate: VersionGate | null): string {
  if (!gate) return "all versions";
  const whose = gate.against === "client" ? "clients" : "sites";
  const { fromServicePack: from, beforeServicePack: before } = gate;
  const onlyOld = gate.versions.filter((version) => version !== "1.2");
  const has12 = gate.versions.includes("1.2");
  if (before !== undefined && from === undefined && has12) {
    const older = onlyOld.length === 0 ? "" : onlyOld.length === 2 ? "SMS 1.0, 1.1 and " : `SMS ${onlyOld.join(", ")} and `;
    const fixed = `1.2 before SP${before}`;
    return `${whose}: ${older}${older ? fixed : `SMS ${fixed}`}`;
  }
  if (has12 && (from !== undefined || before !== undefined)) {
    const range = from !== undefined && before !== undefined ? `SP${from} to SP${before - 1}` : from === 4 ? "SP4" : `SP${from} and later`;
    return `${whose}: SMS 1.2 ${range}`;
  }
  return `${whose}: SMS ${gate.versions.join(" and ")}`;
}

import type { InstructionRecord } from "../ins/record";
import { OPERATING_SYSTEM_BITS } from "../platforms";
import { SERVER_TYPES, type ServerType } from "../servers/schema";

/**
 * Plain-words readings of raw values for PCMDUMP's /d output (Q123499's field table).
 * Undocumented values are called that, never guessed at.
 */
export type FlagField = "installFlag" | "installByFull" | "displayFull" | "expirationFull" | "userInputFlags";

const FLAG_MEANINGS: Readonly<Record<FlagField, Readonly<Record<number, string>>>> = {
  installFlag: {
    0: "install regardless of network speed",
    1: "install regardless of network speed",
    2: "not over a slow link",
  },
  installByFull: { 0: "optional", 1: "mandatory after the install-by date" },
  displayFull: { 0: "not displayed", 1: "displayed in PCM" },
  expirationFull: { 0: "never expires", 1: "expires after the expiration date" },
  userInputFlags: { 0: "no user input", 1: "requires user input" },
};

export function describeFlag(field: FlagField, value: number): string {
  return FLAG_MEANINGS[field][value] ?? "undocumented value";
}

export function describeOperatingSystem(mask: number): string {
  const names: string[] = [];
  let known = 0;
  for (const [name, bit] of Object.entries(OPERATING_SYSTEM_BITS)) {
    if (bit === undefined) continue;
    known |= bit;
    if (mask & bit) names.push(name);
  }
  // >>> 0 keeps bit 31 positive: masks are unsigned DWORDs.
  const unknown = (mask & ~known) >>> 0;
  if (unknown) names.push(`unknown bits 0x${unknown.toString(16).toUpperCase().padStart(8, "0")}`);
  return names.length ? names.join(", ") : "none";
}

export function describeServerType(type: number): string {
  return SERVER_TYPES[type as ServerType] ?? "unknown type";
}

export function describeVersion(version: InstructionRecord["version"]): string {
  return `record version ${version}`;
}

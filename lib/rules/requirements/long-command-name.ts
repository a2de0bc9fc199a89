import type { PackageRule } from "../rule";
import { commandLineField, commandLineSubject } from "../subjects";
import { isInGate, type VersionGate } from "../version-gate";

const VISIBLE_CHARACTERS = 34;
const GATE: VersionGate = { against: "site", versions: ["1.0", "1.1"] };

/** R12 (Q153560): SMS 1.0/1.1 Administrators hide command-name characters after the 34th. */
export const longCommandName: PackageRule = {
  kind: "package",
  code: "R12",
  title: "Command names beyond 34 characters (SMS 1.0/1.1)",
  severity: "info",
  scope: "package",
  gate: GATE,
  sources: ["Q153560"],
  why:
    "The package is updated at every site, and the SMS 1.0 and 1.1 Administrator shows only the first 34 characters of a command name (fixed in 1.2). " +
    "Longer names are cut, and names that share their first 34 characters look identical there.",
  check({ package: pkg, commandLines, sites }) {
    if (![...sites.values()].some((site) => isInGate(site.smsVersion, site.servicePack, GATE))) return null;
    const prefixCounts = new Map<string, number>();
    // A name not typed yet is the form's "Command name is required", not a hidden-characters finding.
    const isNamed = (name: string) => name.trim() !== "";
    for (const line of pkg.commandLines.filter((candidate) => isNamed(candidate.commandName))) {
      const prefix = line.commandName.slice(0, VISIBLE_CHARACTERS).toLowerCase();
      prefixCounts.set(prefix, (prefixCounts.get(prefix) ?? 0) + 1);
    }
    const affected = commandLines.filter(
      ({ line }) => isNamed(line.commandName) && (line.commandName.length > VISIBLE_CHARACTERS || (prefixCounts.get(line.commandName.slice(0, VISIBLE_CHARACTERS).toLowerCase()) ?? 0) > 1),
    );
    const first = affected[0];
    if (!first) return null;
    return {
      finding: {
        message: `Command names beyond 34 characters are hidden in SMS 1.0/1.1: ${affected.map(({ line }) => `"${line.commandName}"`).join(", ")}.`,
        subjects: affected.map(({ line, index }) => commandLineSubject(line, index)),
        fix: { form: "package", field: commandLineField(first.index, "commandName"), text: "Shorten the command name to 34 characters, unique within the package." },
      },
    };
  },
};

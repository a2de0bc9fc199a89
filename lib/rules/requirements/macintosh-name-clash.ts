import type { JobRule } from "../rule";
import { computerSubject } from "../subjects";

/** R50 (Q107244): a machine path reaches every Macintosh of that name in the SMS domain. */
export const macintoshNameClash: JobRule = {
  kind: "job",
  code: "R50",
  title: "Macintosh computers with the same name",
  severity: "warning",
  scope: "target",
  gate: null,
  sources: ["Q107244"],
  why:
    "Macintosh names are unique only within an AppleTalk zone. A machine path names site, domain and computer, not the zone, " +
    "so two Macintosh computers with the same name in different zones of one SMS domain both receive the job.",
  check({ context, definition }) {
    if (definition.target.kind !== "MACHINE_PATH") return null;
    const byName = new Map<string, string[]>();
    for (const computer of context.targets) {
      if (computer.platform !== "MACINTOSH") continue;
      // Macintosh names may be stored as zone@name; the machine path matches the name alone.
      const key = `${computer.siteCode}|${(computer.name.split("@").at(-1) ?? "").toUpperCase()}`;
      const group = byName.get(key);
      if (group) group.push(computer.smsId);
      else byName.set(key, [computer.smsId]);
    }
    const clashing = [...byName.values()].filter((group) => group.length > 1).flat();
    if (clashing.length === 0) return null;
    return {
      finding: {
        message: `A machine-path job will go to every Macintosh computer of the same name: ${clashing.length} targets share a name with another Macintosh.`,
        subjects: clashing.map(computerSubject),
        fix: { form: "job", field: "target.kind", value: "COMPUTERS", text: "Target the intended Macintosh computers by SMS ID." },
      },
    };
  },
};

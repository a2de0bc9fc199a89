import { parseArgs } from "node:util";
import { CATALOGUE } from "@/lib/rules/catalogue";
import { UsageError, type Command } from "../command";

export const rulesCommand: Command = {
  name: "rules",
  usage: `Usage: sms rules [--json]

Lists the 88 requirement rules of the KB digest's catalogue: code, severity, title and whether the
console implements it or cannot decide it from what it holds (with the reason). docs/rules.md has
the same list.`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" } } });
    if (positionals.length > 0) throw new UsageError("rules takes no arguments");
    if (values.json) {
      console.log(JSON.stringify(CATALOGUE, null, 2));
      return 0;
    }
    for (const entry of CATALOGUE) {
      const status = entry.status === "implemented" ? (entry.undecidablePart ? `implemented; not decidable: ${entry.undecidablePart}` : "implemented") : `not decidable: ${entry.reason}`;
      console.log(`${entry.code.padEnd(4)} ${entry.severity.padEnd(7)} ${entry.title} [${status}]`);
    }
    const implemented = CATALOGUE.filter((entry) => entry.status === "implemented").length;
    console.log(`\n${implemented} of ${CATALOGUE.length} rules implemented.`);
    return 0;
  },
};

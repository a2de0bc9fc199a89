import { parseArgs } from "node:util";
import { loadDemoIfEmpty } from "@/lib/data/console/demo";
import { describeImportSummary } from "@/lib/site-document/summary";
import { UsageError, type Command } from "../command";

export const demoCommand: Command = {
  name: "demo",
  usage: `Usage: sms demo

Loads the demo hierarchy (site BPC with servers CNS-SMS and CNSAPPS1, the four packages of
KB Q123499, client MDM00005 and a few dozen computers) when the database holds no site yet.
Does nothing on a database that already has data.`,
  async run(args) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length > 0) throw new UsageError("demo takes no arguments");
    const summary = await loadDemoIfEmpty();
    console.log(summary ? `Loaded the demo. ${describeImportSummary(summary)}.` : "The database already holds data; the demo was not loaded.");
    return 0;
  },
};

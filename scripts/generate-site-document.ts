// npm run generate:site-document -- [--computers 10000] [--packages 1000] [-o FILE]
// Writes a large site document (the demo hierarchy scaled up) for trying the console at size.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildLargeSiteDocument } from "../lib/demo/large-site-document";

const { values } = parseArgs({
  options: {
    computers: { type: "string", default: "10000" },
    packages: { type: "string", default: "1000" },
    output: { type: "string", short: "o", default: "data/site-document-10000.json" },
  },
});
const computers = Number(values.computers);
const packages = Number(values.packages);
if (!Number.isInteger(computers) || computers < 0 || !Number.isInteger(packages) || packages < 0) {
  console.error("--computers and --packages must be whole numbers");
  process.exit(2);
}
writeFileSync(values.output, `${JSON.stringify(buildLargeSiteDocument({ computers, packages }), null, 2)}\n`);
console.log(`Wrote ${values.output}: ${computers} generated computers, ${packages} packages. Import it with: npm run sms -- import ${values.output}`);

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportSiteDocument } from "@/lib/data/sites/site-document-export";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { describeImportSummary } from "@/lib/site-document/summary";
import { UsageError, type Command } from "../command";

function resolveFromCaller(file: string): string {
  return path.resolve(process.env.SMS_CLI_CWD ?? process.cwd(), file);
}

async function readInput(file: string): Promise<string> {
  if (file !== "-") return readFile(resolveFromCaller(file), "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export const importCommand: Command = {
  name: "import",
  usage: `Usage: sms import FILE

Imports a site document: sites, servers, computers, machine groups, packages and their command
lines. Records are created or replaced by their key. If any field is invalid, every problem is
listed with its JSON path and nothing is changed. FILE may be - for standard input.
The document's JSON Schema is docs/site-document.schema.json.`,
  async run(args) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError("import needs exactly one FILE (or - for standard input)");
    let raw: unknown;
    try {
      raw = JSON.parse(await readInput(file));
    } catch (error) {
      if (error instanceof SyntaxError) throw new UsageError(`${file} is not valid JSON: ${error.message}`);
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError(`${file}: no such file`);
      throw error;
    }
    const summary = await importSiteDocument(raw);
    console.log(`${describeImportSummary(summary)}.`);
    return 0;
  },
};

export const exportCommand: Command = {
  name: "export",
  usage: `Usage: sms export [-o FILE]

Writes every site, server, computer, machine group and package as one site document, in a
stable order. Without -o it prints to standard output.`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: "string", short: "o" } } });
    if (positionals.length > 0) throw new UsageError(`export takes no arguments (got "${positionals[0]}"); use -o FILE`);
    const text = `${JSON.stringify(await exportSiteDocument(), null, 2)}\n`;
    if (values.output) {
      await writeFile(resolveFromCaller(values.output), text);
      console.error(`Wrote ${values.output}`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  },
};

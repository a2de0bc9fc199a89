import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportPackageDefinition, importPackageDefinition, type PackageDefinitionImport } from "@/lib/data/packages/package-definitions";
import { listSiteChoices } from "@/lib/data/sites/sites";
import { MAX_PDF_BYTES, tooLargeMessage } from "@/lib/pdf/ini";
import { PLATFORM_LABELS } from "@/lib/platforms";
import { UsageError, type Command } from "../command";

const USAGE = `Usage: sms package COMMAND ...

  sms package import-pdf FILE [--site CODE] [--name NAME] [--dry-run] [--json]
  sms package export-pdf PACKAGEID [--output FILE]

import-pdf reads an SMS 1.x Package Definition File (e.g. OFF95STD.PDF) and creates its package:
Product, Version and Comment, one workstation command line per setup variation, and the
Inventory set. Every problem is listed with its line; on any error nothing is created (exit 1).
--dry-run shows what would be created and creates nothing. --site is needed when there are
several sites; the package name defaults to the PDF's Comment.

export-pdf writes the package as a PDF, as Writepdf.exe did (to stdout, or to --output FILE).`;

const options = {
  site: { type: "string" },
  name: { type: "string" },
  "dry-run": { type: "boolean" },
  json: { type: "boolean" },
  output: { type: "string" },
} as const;

/** The preview or result of an import as lines of text: the package, then every problem by line. */
export function describeImport(result: PackageDefinitionImport, options: { isDryRun: boolean; siteCode: string }): string {
  const lines: string[] = [];
  const pkg = result.package;
  if (pkg) {
    const product = [pkg.product, pkg.productVersion].filter(Boolean).join(" ");
    lines.push(`${result.fileName}: package "${pkg.name}"${product ? ` (${product})` : ""} at site ${options.siteCode}`);
    if (pkg.comments) lines.push(`  Comment: ${pkg.comments}`);
    lines.push(`  ${pkg.commandLines.length === 1 ? "1 command line" : `${pkg.commandLines.length} command lines`}:`);
    const width = Math.max(0, ...pkg.commandLines.map((line) => line.commandName.length));
    for (const line of pkg.commandLines) {
      const flags = [
        line.isUserInputRequired === undefined ? "" : `UserInputRequired=${line.isUserInputRequired ? "TRUE" : "FALSE"}`,
        line.isSystemTask ? "SystemTask=TRUE" : "",
        line.isSynchronousSystemExitRequired ? "SynchronousSystemExitRequired=TRUE" : "",
      ].filter(Boolean);
      lines.push(`    ${line.commandName.padEnd(width)}  ${line.commandLine}  [${[...flags, line.supportedPlatforms.map((platform) => PLATFORM_LABELS[platform]).join(", ")].join("; ")}]`);
    }
    const inventory = pkg.inventory;
    lines.push(inventory ? `  Inventory: ${inventory.isInventoried ? "inventoried" : "not inventoried"}, detection rule "${inventory.detectionRule}" over ${inventory.files.map((file) => file.fileName).join(", ") || "no files"}` : "  Inventory: not set up");
  } else {
    lines.push(`${result.fileName}: cannot be imported`);
  }
  if (result.problems.length > 0) {
    lines.push("Problems:");
    for (const problem of result.problems) lines.push(`  ${problem.line ? `line ${problem.line}` : "file"}: ${problem.severity}: ${problem.message}`);
  }
  lines.push(!pkg ? "Nothing was created." : result.packageId ? `Created package ${result.packageId}.` : options.isDryRun ? "Dry run: nothing was created." : "");
  return `${lines.join("\n")}\n`;
}

async function chooseSite(requested: string | undefined): Promise<string> {
  if (requested) return requested.trim().toUpperCase();
  const sites = await listSiteChoices();
  if (sites.length === 1) return sites[0]!.code;
  throw new UsageError(sites.length === 0 ? "there are no sites yet; import a site document or create a site first" : `there are ${sites.length} sites; choose one with --site CODE`);
}

function readPdf(file: string): Uint8Array | { tooLarge: number } {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > MAX_PDF_BYTES) return { tooLarge: size };
  return new Uint8Array(readFileSync(file));
}

async function importPdf(positionals: string[], values: { site?: string; name?: string; "dry-run"?: boolean; json?: boolean }): Promise<number> {
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError("package import-pdf takes one FILE");
  const siteCode = await chooseSite(values.site);
  const isDryRun = values["dry-run"] ?? false;
  const read = readPdf(file);
  const fileName = path.basename(file);
  const result: PackageDefinitionImport =
    "tooLarge" in read
      ? { fileName, problems: [{ line: 0, severity: "error", message: tooLargeMessage(read.tooLarge) }], package: null, packageId: null }
      : await importPackageDefinition({ bytes: read, fileName, siteCode, name: values.name, isDryRun });
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : describeImport(result, { isDryRun, siteCode }));
  return result.package ? 0 : 1;
}

export const packageCommand: Command = {
  name: "package",
  usage: USAGE,
  async run(args) {
    const [verb, ...rest] = args;
    const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true });
    switch (verb) {
      case "import-pdf":
        return importPdf(positionals, values);
      case "export-pdf": {
        const [packageId, ...extra] = positionals;
        if (!packageId || extra.length > 0) throw new UsageError("package export-pdf takes one PACKAGEID");
        const { fileName, text } = await exportPackageDefinition({ packageId: packageId.toUpperCase() });
        const bytes = Buffer.from(text, "latin1");
        if (values.output) {
          writeFileSync(values.output, bytes);
          console.error(`Wrote ${fileName} to ${values.output}`);
        } else process.stdout.write(bytes);
        return 0;
      }
      default:
        throw new UsageError(verb ? `unknown package command "${verb}"; see sms package --help` : "package needs a command; see sms package --help");
    }
  },
};

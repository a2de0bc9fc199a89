import type { z } from "zod";
import { formatDetectionRule, readDetectionRule } from "../packages/detection-rule";
import { packageInputSchema, type DetectionFileInput, type PackageInput } from "../packages/schema";
import type { Platform } from "../platforms";
import type { DefinitionProblem, DetectionFile, PackageDefinition } from "./definition";
import type { DefinitionLines } from "./parse";
import { variationName } from "./write";

/** What a package holds that a PDF carries: its Package Definition, workstation command lines and Inventory set. */
export interface DefinitionPackage {
  product: string;
  productVersion: string;
  comments: string;
  commandLines: {
    commandName: string;
    commandLine: string;
    isUserInputRequired?: boolean | null;
    isSystemTask: boolean;
    isSynchronousSystemExitRequired: boolean;
    supportedPlatforms: Platform[];
  }[];
  inventory: { isInventoried: boolean; detectionRule: string; files: DetectionFileInput[] } | null;
}

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();

/**
 * The PDF of a package, as Writepdf.exe made one (Q186403). Variation names come from command
 * names (made unique, without the list's commas); line breaks, which a PDF line cannot hold, become spaces.
 */
export function definitionOfPackage(pkg: DefinitionPackage): PackageDefinition {
  const usedVariations = new Set<string>();
  const commandLines = pkg.commandLines.map((line) => {
    const base = variationName(oneLine(line.commandName));
    let variation = base;
    for (let suffix = 2; usedVariations.has(variation.toLowerCase()); suffix += 1) variation = `${base} ${suffix}`;
    usedVariations.add(variation.toLowerCase());
    return {
      variation,
      commandName: oneLine(line.commandName),
      commandLine: oneLine(line.commandLine),
      isUserInputRequired: line.isUserInputRequired ?? undefined,
      isSystemTask: line.isSystemTask,
      isSynchronousSystemExitRequired: line.isSynchronousSystemExitRequired,
      supportedPlatforms: line.supportedPlatforms,
    };
  });
  const inventory = pkg.inventory && {
    isInventoried: pkg.inventory.isInventoried,
    files: pkg.inventory.files.map((file): DetectionFile => ({ ...file })),
    rule: ((reading) => (reading.ok ? reading.parts : []))(readDetectionRule(pkg.inventory.detectionRule, pkg.inventory.files.length)),
  };
  return { product: oneLine(pkg.product), version: oneLine(pkg.productVersion), comment: oneLine(pkg.comments), commandLines, inventory };
}

export type DefinitionInput = { ok: true; input: PackageInput; problems: DefinitionProblem[] } | { ok: false; problems: DefinitionProblem[] };

/**
 * The package a PDF creates, checked by the same schema as the package form, with the schema's
 * messages put on the PDF's lines. The package's name is the PDF's Comment, or Product and Version.
 */
export function packageInputOfDefinition(
  definition: PackageDefinition,
  lines: DefinitionLines,
  options: { siteCode: string; name?: string; fileName?: string },
): DefinitionInput {
  const defaultName = definition.comment || [definition.product, definition.version].filter(Boolean).join(" ") || options.fileName?.replace(/\.[^.]*$/, "") || "Imported package";
  const candidate = {
    siteCode: options.siteCode,
    name: (options.name?.trim() || defaultName).slice(0, 100),
    comments: definition.comment,
    product: definition.product,
    productVersion: definition.version,
    sourceDirectory: "",
    sharing: null,
    commandLines: definition.commandLines.map((line) => ({
      commandName: line.commandName,
      commandLine: line.commandLine,
      isAutomated: false,
      isSystemTask: line.isSystemTask,
      isUserInputRequired: line.isUserInputRequired,
      isSynchronousSystemExitRequired: line.isSynchronousSystemExitRequired,
      supportedPlatforms: line.supportedPlatforms,
      restartsComputer: false,
    })),
    inventory: definition.inventory && { isInventoried: definition.inventory.isInventoried, detectionRule: formatDetectionRule(definition.inventory.rule), files: definition.inventory.files },
  };
  const parsed = packageInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data, problems: [] };
  return { ok: false, problems: parsed.error.issues.map((issue) => ({ line: lineOfIssue(issue, lines), severity: "error" as const, message: issue.message })) };
}

function lineOfIssue(issue: z.core.$ZodIssue, lines: DefinitionLines): number {
  const [first, index, field] = issue.path;
  if (first === "product") return lines.product;
  if (first === "productVersion") return lines.version;
  if (first === "comments" || first === "name") return lines.comment;
  if (first === "commandLines" && typeof index === "number") {
    const line = lines.commandLines[index];
    if (!line) return 0;
    if (field === "commandName") return line.commandName;
    if (field === "commandLine") return line.commandLine;
    if (field === "supportedPlatforms") return line.supportedPlatforms;
    return line.section;
  }
  if (first === "inventory" && index === "files" && typeof field === "number") return lines.files[field]?.section ?? 0;
  return 0;
}

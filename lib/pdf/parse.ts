import type { Platform } from "../platforms";
import { PLATFORMS } from "../platforms";
import {
  emptyDetectionFile,
  type DefinitionCommandLine,
  type DefinitionProblem,
  type DetectionFile,
  type DetectionRulePart,
  type InventoryDefinition,
  type PackageDefinition,
} from "./definition";
import { clip, readIni, type IniEntry, type IniSection } from "./ini";
import { readPlatformName } from "./platform-names";

/** Where each value came from, so later checks (the package schema) can name the PDF line. */
export interface DefinitionLines {
  product: number;
  version: number;
  comment: number;
  commandLines: { section: number; commandName: number; commandLine: number; supportedPlatforms: number }[];
  files: { section: number; fileName: number }[];
}

export type ParsedDefinition =
  | { ok: true; definition: PackageDefinition; lines: DefinitionLines; problems: DefinitionProblem[] }
  | { ok: false; problems: DefinitionProblem[] };

/** At most this many problems are listed; a file with more is not a PDF worth reading line by line. */
export const MAX_LISTED_PROBLEMS = 200;

const SETUP_KEYS = ["commandline", "commandname", "userinputrequired", "systemtask", "synchronoussystemexitrequired", "supportedplatforms"];
const FILE_KEYS = ["file", "collect", "checksum", "crc", "date", "size", "time", "byte", "word", "long", "token 1", "token 2", "token 3", "token 4"];
const CRC_PATTERN = /^\d+\s*,\s*\d+\s*,\s*\d+$/;
const DATE_PATTERN = /^\d{1,2}\s*,\s*\d{1,2}\s*,\s*\d{2,4}$/;
const TIME_PATTERN = /^\d{1,2}\s*,\s*\d{1,2}$/;

/**
 * Reads a Package Definition File (digest §2.3, §5.17) into the package it defines, with every
 * problem by line: errors (missing CommandLine, unknown platform, malformed CRC, ...) make the
 * file unusable, warnings (unknown keys and sections, wrapped lines) and notes do not.
 */
export function parsePackageDefinitionFile(bytes: Uint8Array | string): ParsedDefinition {
  const ini = readIni(bytes);
  if (!ini.ok) return ini;
  const problems = [...ini.problems];
  const report = (line: number, severity: DefinitionProblem["severity"], message: string) => problems.push({ line, severity, message });
  const sections = indexSections(ini.sections, report);
  const used = new Set<IniSection>();
  const take = (name: string) => {
    const section = sections.get(name.toLowerCase());
    if (section) used.add(section);
    return section;
  };

  const pdf = take("PDF");
  if (!pdf) report(0, "error", "There is no [PDF] section: this is not a Package Definition File");
  else {
    const keys = readKeys(pdf, ["version"], report);
    const version = keys.get("version");
    if (!version) report(pdf.line, "warning", "[PDF] has no Version=; SMS 1.x PDFs say Version=1.0");
    else if (version.value !== "1.0") report(version.line, "warning", `PDF Version=${clip(version.value)}: SMS 1.x knows only 1.0`);
  }

  const definitionSection = take("Package Definition");
  const lines: DefinitionLines = { product: 0, version: 0, comment: 0, commandLines: [], files: [] };
  const definition: PackageDefinition = { product: "", version: "", comment: "", commandLines: [], inventory: null };
  if (!definitionSection) report(0, "error", "There is no [Package Definition] section (Product, Version, Comment, SetupVariations)");
  else {
    const keys = readKeys(definitionSection, ["product", "version", "comment", "setupvariations"], report);
    for (const field of ["product", "version", "comment"] as const) {
      const entry = keys.get(field);
      definition[field] = entry?.value ?? "";
      lines[field] = entry?.line ?? definitionSection.line;
    }
    if (!definition.product) report(lines.product, "warning", "Product is empty; the package gets its name from Comment or the file");
    const variations = keys.get("setupvariations");
    const names = variations ? splitList(variations.value) : [];
    if (names.length === 0) report(variations?.line ?? definitionSection.line, "warning", "SetupVariations lists no variations: the package gets no workstation command lines");
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name.toLowerCase())) {
        report(variations!.line, "error", `SetupVariations lists "${clip(name)}" twice`);
        continue;
      }
      seen.add(name.toLowerCase());
      const section = take(`${name} Setup`);
      if (!section) {
        report(variations!.line, "error", `SetupVariations lists "${clip(name)}" but there is no [${clip(name)} Setup] section`);
        continue;
      }
      const read = readSetup(name, section, report);
      definition.commandLines.push(read.commandLine);
      lines.commandLines.push(read.lines);
    }
  }

  const inventorySection = take("Setup Package for Inventory");
  if (inventorySection) definition.inventory = readInventory(inventorySection, take, lines, report);

  for (const section of ini.sections) {
    if (used.has(section) || sections.get(section.name.toLowerCase()) !== section) continue;
    const hint = /\ssetup$/i.test(section.name) ? " (its variation is not listed in SetupVariations)" : /^file\s+\d+$/i.test(section.name) ? " (no Detection Rule Part uses it)" : "";
    report(section.line, "warning", `Section [${clip(section.name)}] is not used and is ignored${hint}`);
  }

  problems.sort((a, b) => a.line - b.line);
  const listed = problems.length > MAX_LISTED_PROBLEMS ? [...problems.slice(0, MAX_LISTED_PROBLEMS), { line: 0, severity: "error" as const, message: `${problems.length - MAX_LISTED_PROBLEMS} more problems are not listed` }] : problems;
  if (listed.some((problem) => problem.severity === "error")) return { ok: false, problems: listed };
  return { ok: true, definition, lines, problems: listed };
}

type Report = (line: number, severity: DefinitionProblem["severity"], message: string) => void;

/** Windows reads the first of two sections with one name; the second is reported. */
function indexSections(sections: IniSection[], report: Report): Map<string, IniSection> {
  const byName = new Map<string, IniSection>();
  for (const section of sections) {
    const key = section.name.toLowerCase();
    const first = byName.get(key);
    if (first) report(section.line, "warning", `Section [${clip(section.name)}] repeats the one on line ${first.line}; only the first is read`);
    else byName.set(key, section);
  }
  return byName;
}

function readKeys(section: IniSection, known: string[], report: Report): Map<string, IniEntry> {
  const keys = new Map<string, IniEntry>();
  for (const entry of section.entries) {
    const key = entry.key.toLowerCase();
    if (!known.includes(key)) {
      report(entry.line, "warning", `Unknown key ${clip(entry.key)}= in [${clip(section.name)}] is ignored`);
      continue;
    }
    const first = keys.get(key);
    if (first) report(entry.line, "warning", `${clip(entry.key)}= repeats line ${first.line}; only the first is read`);
    else keys.set(key, entry);
  }
  return keys;
}

function splitList(value: string): string[] {
  return value.split(",").map((item) => item.trim()).filter(Boolean);
}

function readBoolean(entry: IniEntry | undefined, report: Report): boolean | undefined {
  if (!entry || entry.value === "") return undefined;
  const value = entry.value.toUpperCase();
  if (value === "TRUE") return true;
  if (value === "FALSE") return false;
  report(entry.line, "error", `${entry.key}=${clip(entry.value)} must be TRUE or FALSE`);
  return undefined;
}

function readSetup(variation: string, section: IniSection, report: Report) {
  const keys = readKeys(section, SETUP_KEYS, report);
  const commandLine = keys.get("commandline");
  if (!commandLine?.value) report(commandLine?.line ?? section.line, "error", `[${clip(section.name)}] has no CommandLine=`);
  const commandName = keys.get("commandname");
  if (!commandName?.value) report(commandName?.line ?? section.line, "warning", `[${clip(section.name)}] has no CommandName=; the variation name "${clip(variation)}" is used`);
  const platformsEntry = keys.get("supportedplatforms");
  const platforms = new Set<Platform>();
  if (!platformsEntry?.value) report(platformsEntry?.line ?? section.line, "error", `[${clip(section.name)}] has no SupportedPlatforms=`);
  else {
    for (const name of splitList(platformsEntry.value)) {
      const reading = readPlatformName(name);
      if (reading.kind === "unknown") {
        report(platformsEntry.line, "error", `Unknown platform "${clip(name)}" in SupportedPlatforms (e.g. Windows95, Windows NT 3.1 (x86), Windows NT (Alpha))`);
        continue;
      }
      if (reading.spelling === "1.2 versioned") report(platformsEntry.line, "info", `"${clip(name)}" is read as the generic Windows NT option: SMS does no version checking (Q150799)`);
      reading.platforms.forEach((platform) => platforms.add(platform));
    }
  }
  const read: DefinitionCommandLine = {
    variation,
    commandName: commandName?.value || variation,
    commandLine: commandLine?.value ?? "",
    isUserInputRequired: readBoolean(keys.get("userinputrequired"), report),
    isSystemTask: readBoolean(keys.get("systemtask"), report) ?? false,
    isSynchronousSystemExitRequired: readBoolean(keys.get("synchronoussystemexitrequired"), report) ?? false,
    supportedPlatforms: PLATFORMS.filter((platform) => platforms.has(platform)),
  };
  const lineOf = (key: string) => keys.get(key)?.line ?? section.line;
  return { commandLine: read, lines: { section: section.line, commandName: lineOf("commandname"), commandLine: lineOf("commandline"), supportedPlatforms: lineOf("supportedplatforms") } };
}

function readInventory(section: IniSection, take: (name: string) => IniSection | undefined, lines: DefinitionLines, report: Report): InventoryDefinition {
  const parts: { index: number; entry: IniEntry }[] = [];
  const otherEntries: IniEntry[] = [];
  for (const entry of section.entries) {
    const part = /^detection rule part\s+(\d{1,4})$/i.exec(entry.key);
    if (part) parts.push({ index: Number(part[1]), entry });
    else otherEntries.push(entry);
  }
  const keys = readKeys({ ...section, entries: otherEntries }, ["inventorythispackage"], report);
  const isInventoried = readBoolean(keys.get("inventorythispackage"), report) ?? false;
  parts.sort((a, b) => a.index - b.index);
  const rule: DetectionRulePart[] = [];
  const files: DetectionFile[] = [];
  const fileOfSection = new Map<string, number>();
  let expected = 1;
  for (const { index, entry } of parts) {
    if (index !== expected) {
      report(entry.line, "error", `Detection Rule Part ${index} follows part ${expected - 1}; parts are numbered 1, 2, 3 … without gaps or repeats`);
      expected = index + 1;
      continue;
    }
    expected += 1;
    const wantsFile = rule.length % 2 === 0;
    const operator = entry.value.toUpperCase();
    if (operator === "AND" || operator === "OR") {
      if (wantsFile) report(entry.line, "error", `Detection Rule Part ${index} is ${operator} where a file test (File n) belongs`);
      else rule.push({ operator });
      continue;
    }
    if (!wantsFile) {
      report(entry.line, "error", `Detection Rule Part ${index}=${clip(entry.value)}: AND or OR belongs here`);
      continue;
    }
    const fileSection = /^file\s+\d{1,4}$/i.test(entry.value) ? take(entry.value) : undefined;
    if (!fileSection) {
      report(entry.line, "error", `Detection Rule Part ${index}=${clip(entry.value)} names no [File n] section in this file`);
      continue;
    }
    const key = fileSection.name.toLowerCase();
    let position = fileOfSection.get(key);
    if (position === undefined) {
      position = files.length;
      fileOfSection.set(key, position);
      files.push(readFile(fileSection, lines, report));
    }
    rule.push({ file: position });
  }
  if (rule.length > 0 && rule.length % 2 === 0) report(parts.at(-1)!.entry.line, "error", "The detection rule ends with AND or OR; a file test must follow it");
  if (isInventoried && rule.length === 0) report(section.line, "error", "InventoryThisPackage=TRUE needs a Detection Rule Part 1=File n");
  return { isInventoried, rule, files };
}

function readFile(section: IniSection, lines: DefinitionLines, report: Report): DetectionFile {
  const keys = readKeys(section, FILE_KEYS, report);
  const value = (key: string) => keys.get(key)?.value ?? "";
  const file = emptyDetectionFile(value("file"));
  if (!file.fileName) report(keys.get("file")?.line ?? section.line, "error", `[${clip(section.name)}] has no FILE= naming the file to detect`);
  file.isCollected = readBoolean(keys.get("collect"), report) ?? false;
  file.checksum = value("checksum");
  file.crc = value("crc");
  file.date = value("date");
  file.size = value("size");
  file.time = value("time");
  file.byte = value("byte");
  file.word = value("word");
  file.long = value("long");
  file.token1 = value("token 1");
  file.token2 = value("token 2");
  file.token3 = value("token 3");
  file.token4 = value("token 4");
  const check = (key: string, valid: boolean, message: string) => {
    if (!valid) report(keys.get(key)!.line, "error", message);
  };
  check("crc", file.crc === "" || CRC_PATTERN.test(file.crc), `CRC=${clip(file.crc)} is malformed: a CRC is three numbers separated by commas, e.g. 512,2048,23537 (Q167631)`);
  check("date", file.date === "" || DATE_PATTERN.test(file.date), `DATE=${clip(file.date)} is malformed: month, day, year, e.g. 7, 20, 95`);
  check("time", file.time === "" || TIME_PATTERN.test(file.time), `TIME=${clip(file.time)} is malformed: hour, minute, e.g. 12, 00`);
  check("size", file.size === "" || /^\d{1,10}$/.test(file.size), `SIZE=${clip(file.size)} is malformed: a size in bytes, e.g. 365056`);
  lines.files.push({ section: section.line, fileName: keys.get("file")?.line ?? section.line });
  return file;
}

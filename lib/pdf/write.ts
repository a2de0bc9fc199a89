import { DomainError } from "../errors";
import type { DetectionFile, PackageDefinition } from "./definition";
import { PDF_PLATFORM_NAMES } from "./platform-names";

/**
 * Writes a package as a Package Definition File, as Writepdf.exe regenerated one from an existing
 * package (Q186403): the layout of the KB's PDFs (digest §5.17), CRLF line ends, Latin-1.
 * Keys a package leaves undefined (UserInputRequired) stay out, so importing the file gives back
 * the same package.
 */
export function writePackageDefinitionFile(definition: PackageDefinition): string {
  const lines: string[] = ["[PDF]", "Version=1.0", "", "[Package Definition]"];
  lines.push(`Product=${value("Product", definition.product)}`, `Version=${value("Version", definition.version)}`, `Comment=${value("Comment", definition.comment)}`);
  const variations = definition.commandLines.map((commandLine) => variationName(commandLine.variation));
  lines.push(`SetupVariations=${variations.join(", ")}`);
  definition.commandLines.forEach((commandLine, index) => {
    lines.push("", `[${variations[index]} Setup]`);
    lines.push(`CommandLine=${value("CommandLine", commandLine.commandLine)}`, `CommandName=${value("CommandName", commandLine.commandName)}`);
    if (commandLine.isUserInputRequired !== undefined) lines.push(`UserInputRequired=${flag(commandLine.isUserInputRequired)}`);
    if (commandLine.isSystemTask) lines.push("SystemTask=TRUE");
    if (commandLine.isSynchronousSystemExitRequired) lines.push("SynchronousSystemExitRequired=TRUE");
    lines.push(`SupportedPlatforms=${commandLine.supportedPlatforms.map((platform) => PDF_PLATFORM_NAMES[platform]).join(", ")}`);
  });
  const inventory = definition.inventory;
  if (inventory) {
    lines.push("", "[Setup Package for Inventory]", `InventoryThisPackage=${flag(inventory.isInventoried)}`);
    inventory.rule.forEach((part, index) => lines.push(`Detection Rule Part ${index + 1}=${"file" in part ? `File ${part.file + 1}` : part.operator}`));
    inventory.files.forEach((file, index) => lines.push("", `[File ${index + 1}]`, ...fileLines(file)));
  }
  return `${lines.join("\r\n")}\r\n`;
}

function fileLines(file: DetectionFile): string[] {
  return [
    `FILE=${value("FILE", file.fileName)}`,
    `COLLECT=${flag(file.isCollected)}`,
    `Checksum=${value("Checksum", file.checksum)}`,
    `CRC=${value("CRC", file.crc)}`,
    `DATE=${value("DATE", file.date)}`,
    `SIZE=${value("SIZE", file.size)}`,
    `TIME=${value("TIME", file.time)}`,
    `BYTE=${value("BYTE", file.byte)}`,
    `WORD=${value("WORD", file.word)}`,
    `LONG=${value("LONG", file.long)}`,
    `TOKEN 1=${value("TOKEN 1", file.token1)}`,
    `TOKEN 2=${value("TOKEN 2", file.token2)}`,
    `TOKEN 3=${value("TOKEN 3", file.token3)}`,
    `TOKEN 4=${value("TOKEN 4", file.token4)}`,
  ];
}

const flag = (value: boolean) => (value ? "TRUE" : "FALSE");

/** An INI value is one line; leading and trailing blanks would be lost on reading. */
function value(key: string, text: string): string {
  if (/[\r\n]/.test(text)) throw new DomainError("invalid", `${key} holds a line break, which a Package Definition File cannot carry`);
  return text.trim();
}

/** A variation name becomes a list item and a section name: no commas, brackets or outer blanks. */
export function variationName(name: string): string {
  return name.replace(/[,[\]\r\n;=]/g, " ").replace(/\s+/g, " ").trim() || "Command";
}

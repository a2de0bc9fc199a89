import { FIELD_LABELS, type InstructionRecord } from "../ins/record";
import { storedDateParts } from "../ins/stored-date";
import { describeFlag, describeOperatingSystem, describeServerType, describeVersion, type FlagField } from "./describe";

/**
 * PCMDUMP-compatible text (Q123499): "   Label           : value", a bare ":" for an empty value,
 * continuation lines under the value column. Lines end in "\n"; the CLI may convert to CRLF.
 */

const INDENT = "   ";
const LABEL_WIDTH = 16;
/** Column where values start: 3 + 16 + ": ". */
const CONTINUATION = " ".repeat(INDENT.length + LABEL_WIDTH + 2);
/** Q123499 wraps Comments at 54 characters of text (75 columns): "looking" fits, " computer." does not. */
export const COMMENT_WRAP_WIDTH = 54;
export const RESERVED_BYTES_PER_ROW = 18;
/** Record version 6 is what SMS 1.0 wrote; PCMDUMP calls it "Beta 455" (Q123499). */
const VERSION_NAMES: Readonly<Record<number, string>> = { 6: "Beta 455" };

export interface PcmdumpOptions {
  /** /d: add plain-words readings of flags, OS bits, server types and years beside the raw values. */
  detailed?: boolean;
}

export function formatPcmdumpBanner(toolVersion: string): string {
  return `SMS Console PCMDUMP-compatible instruction file dump v${toolVersion}\n\n`;
}

/** The dump from the "File Name" line on; the file name is lower-cased as PCMDUMP prints it. */
export function formatPcmdump(
  fileName: string,
  records: readonly InstructionRecord[],
  options: PcmdumpOptions = {},
): string {
  const isDetailed = options.detailed ?? false;
  const lines = [labelled("File Name", fileName.toLowerCase())];
  for (const record of records) lines.push(...recordLines(record, isDetailed));
  return lines.join("\n") + "\n";
}

function recordLines(record: InstructionRecord, isDetailed: boolean): string[] {
  const label = FIELD_LABELS;
  const explain = (value: string | number, meaning: string) => (isDetailed ? `${value} (${meaning})` : String(value));
  const flag = (key: FlagField) => labelled(label[key], explain(record[key], describeFlag(key, record[key])));
  const date = (value: string | null) =>
    isDetailed ? `${formatDumpDate(value)} (${describeDate(value)})` : formatDumpDate(value);
  const version = VERSION_NAMES[record.version] ?? String(record.version);
  return [
    labelled(label.version, explain(version, describeVersion(record.version))),
    labelled(label.siteId, record.siteId),
    labelled(label.requestId, record.requestId),
    labelled(label.packageId, record.packageId),
    labelled(label.jobId, record.jobId),
    flag("installFlag"),
    labelled(label.installByDate, date(record.installByDate)),
    flag("installByFull"),
    labelled(label.displayDate, date(record.displayDate)),
    flag("displayFull"),
    labelled(label.expirationDate, date(record.expirationDate)),
    flag("expirationFull"),
    flag("userInputFlags"),
    labelled(label.operatingSystem, explain(record.operatingSystem, describeOperatingSystem(record.operatingSystem))),
    labelled(label.diskUsage, record.diskUsage),
    labelled(label.runCommand, record.runCommand),
    labelled(label.wclName, record.wclName),
    ...serverLines(record.servers, isDetailed),
    labelled(label.packageName, record.packageName),
    ...block(label.comments, wrapWords(record.comments, COMMENT_WRAP_WIDTH)),
    labelled(label.domainName, record.domainName),
    ...block(label.reserved, reservedRows(record.reserved)),
  ];
}

/** "MM/DD/YY HH:MM:SS" of the stored components; two-digit years (not PCMDUMP's "100" for 2000, Q249578). */
export function formatDumpDate(value: string | null): string {
  const { year, month, day, hour, minute, second } = storedDateParts(value);
  return `${two(month)}/${two(day)}/${two(year % 100)} ${two(hour)}:${two(minute)}:${two(second)}`;
}

function describeDate(value: string | null): string {
  return value === null ? "not set" : `year ${storedDateParts(value).year}`;
}

function serverLines(servers: InstructionRecord["servers"], isDetailed: boolean): string[] {
  if (servers.length === 0) return [labelled(FIELD_LABELS.servers, "")];
  return servers.flatMap((server, index) => {
    const type = isDetailed ? `${server.type} (${describeServerType(server.type)})` : String(server.type);
    const lines = [labelled(index === 0 ? FIELD_LABELS.servers : "", `${server.path} Type: ${type}`)];
    // The trailing space after the zone is in Q123499's output; kept for byte-exact dumps.
    if (server.zone !== "") lines.push(`${CONTINUATION}Zone: ${server.zone} `);
    return lines;
  });
}

function reservedRows(reservedHex: string): string[] {
  const bytes = reservedHex.toUpperCase().match(/../g) ?? [];
  const rows: string[] = [];
  for (let index = 0; index < bytes.length; index += RESERVED_BYTES_PER_ROW) {
    rows.push(bytes.slice(index, index + RESERVED_BYTES_PER_ROW).join(" "));
  }
  return rows;
}

/** Greedy word wrap; runs of spaces collapse and a word longer than the width is cut. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter((part) => part !== "")) {
    for (let start = 0; start < word.length; start += width) {
      const piece = word.slice(start, start + width);
      if (line === "") line = piece;
      else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

function block(label: string, rows: readonly string[]): string[] {
  const [first = "", ...rest] = rows;
  return [labelled(label, first), ...rest.map((row) => CONTINUATION + row)];
}

function labelled(label: string, value: string): string {
  const head = `${INDENT}${label.padEnd(LABEL_WIDTH)}:`;
  return value === "" ? head : `${head} ${value}`;
}

function two(value: number): string {
  return String(value).padStart(2, "0");
}

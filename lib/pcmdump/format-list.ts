/**
 * PCMDUMP /l: a listing of the instruction box. Microsoft's /l format was never published (Q168724
 * names the switch only), so this is our own: one aligned row per file and a total line.
 */
export interface PcmdumpListEntry {
  fileName: string;
  byteLength: number;
  /** Records decoded from the file; null when it could not be decoded. */
  recordCount: number | null;
  lastChange: Date;
  /** Why the file could not be decoded, e.g. an InstructionFileError message. */
  problem?: string;
}

const INDENT = "   ";
const HEADINGS = {
  fileName: "File Name",
  byteLength: "Bytes",
  recordCount: "Records",
  lastChange: "Last Change (UTC)",
} as const;

export function formatPcmdumpList(entries: readonly PcmdumpListEntry[]): string {
  const rows = entries.map((entry) => ({
    fileName: entry.fileName.toLowerCase(),
    byteLength: String(entry.byteLength),
    recordCount: entry.recordCount === null ? "-" : String(entry.recordCount),
    lastChange: formatUtc(entry.lastChange),
    problem: entry.problem ?? "",
  }));
  const width = (key: keyof typeof HEADINGS) => Math.max(HEADINGS[key].length, ...rows.map((row) => row[key].length));
  const nameWidth = width("fileName");
  const bytesWidth = width("byteLength");
  const recordsWidth = width("recordCount");
  const changedWidth = width("lastChange");
  const line = (name: string, bytes: string, records: string, changed: string, problem = "") =>
    [
      INDENT + name.padEnd(nameWidth),
      bytes.padStart(bytesWidth),
      records.padStart(recordsWidth),
      changed.padEnd(changedWidth),
      problem,
    ]
      .join("  ")
      .trimEnd();

  const totalBytes = entries.reduce((sum, entry) => sum + entry.byteLength, 0);
  const totalRecords = entries.reduce((sum, entry) => sum + (entry.recordCount ?? 0), 0);
  const unreadable = entries.filter((entry) => entry.recordCount === null).length;
  const summary = [
    plural(entries.length, "file"),
    plural(totalBytes, "byte"),
    plural(totalRecords, "record"),
    ...(unreadable ? [`${unreadable} unreadable`] : []),
  ].join(", ");

  return [
    line(HEADINGS.fileName, HEADINGS.byteLength, HEADINGS.recordCount, HEADINGS.lastChange),
    ...rows.map((row) => line(row.fileName, row.byteLength, row.recordCount, row.lastChange, row.problem)),
    `${INDENT}${summary}`,
  ].join("\n") + "\n";
}

function formatUtc(date: Date): string {
  const time = date.getTime();
  // An invalid Date would make toISOString throw; a listing should still print.
  return Number.isNaN(time) ? "unknown" : new Date(time).toISOString().slice(0, 19).replace("T", " ");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { generateInstructionBox, getInstructionFile } from "@/lib/data/instruction-box/instruction-box";
import { DomainError, isDomainError } from "@/lib/errors";
import { readInstructionFile, type InstructionFileContents } from "@/lib/ins/decode";
import type { InstructionRecord } from "@/lib/ins/record";
import { formatPcmdump, formatPcmdumpBanner } from "@/lib/pcmdump/format";
import { formatPcmdumpList, type PcmdumpListEntry } from "@/lib/pcmdump/format-list";
import { CONSOLE_VERSION } from "@/lib/version";
import { currentWallClock } from "@/lib/wall-clock";
import { UsageError, type Command } from "../command";
import { pauseForEnter, resolveFromCaller, writeOutput } from "../output";

const USAGE = `Usage: sms pcmdump [/d] [/l] [/p] {/a | /r FILE} [--box DIR] [--json]

Prints PCM instruction files (<SMS ID>.INS) as text, like the SMS 1.2 tool PCMDUMP (Q123499,
Q168724). Options are case-insensitive and may start with / or -.

  /a         dump every file in the instruction box
  /r FILE    dump one file: a path, or a file name in the box (MDM00005.INS)
  /l         list the box instead (file, bytes, records, last change); with /r, that one file
  /d         detailed: plain-words readings of flags, OS bits, server types and years
  /p         pause after each file (only on a terminal; ignored otherwise)
  --box DIR  read the box from DIR (e.g. a copy of a logon server's PCMINS.BOX); a bare
             FILE name for /r is looked up there. Default: the console's own box, generated
             now from active jobs, and /r NAME falls back to it when no such file exists here.
  --json     print the JSON form instead of text: for /r the file's array of records (what
             "sms ins encode" takes); for /a and /l JSON Lines, one object per file:
             {"fileName", "records"} or {"fileName", "byteLength", "recordCount", "lastChange"}

A file that cannot be decoded is reported as one line naming the byte offset and field (exit 1);
a missing file exits 2. With /a or /l, unreadable files are reported and the rest still
printed, and the exit code is 1.`;

interface PcmdumpRequest {
  isAll: boolean;
  isList: boolean;
  isDetailed: boolean;
  shouldPause: boolean;
  isJson: boolean;
  file?: string;
  box?: string;
}

/** One file of a box; its bytes are read and decoded only when needed. */
interface BoxItem {
  fileName: string;
  byteLength: number;
  lastChange: Date;
  contents(): InstructionFileContents;
}

const SWITCH_PATTERN = /^[/-]([adlpr])$/i;
const BARE_SMS_ID_FILE_PATTERN = /^[A-Z0-9]{8}(\.INS)?$/i;

function parseRequest(args: readonly string[]): PcmdumpRequest {
  const request: PcmdumpRequest = { isAll: false, isList: false, isDetailed: false, shouldPause: false, isJson: false };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const letter = SWITCH_PATTERN.exec(arg)?.[1]?.toLowerCase();
    if (letter === "r") {
      const file = args[++index];
      if (file === undefined || file === "") throw new UsageError(`${arg} needs an instruction file name`);
      if (request.file !== undefined) throw new UsageError("/r takes one file; use /a for every file");
      request.file = file;
    } else if (letter === "a") request.isAll = true;
    else if (letter === "l") request.isList = true;
    else if (letter === "d") request.isDetailed = true;
    else if (letter === "p") request.shouldPause = true;
    else if (arg === "--json") request.isJson = true;
    else if (arg === "--box" || arg.startsWith("--box=")) {
      const box = arg === "--box" ? args[++index] : arg.slice("--box=".length);
      if (!box) throw new UsageError("--box needs a directory");
      request.box = box;
    } else if (arg.startsWith("--") || /^[/-].$/.test(arg)) throw new UsageError(`unknown option "${arg}"; see --help`);
    else throw new UsageError(`unexpected argument "${arg}"; dump one file with /r FILE`);
  }
  if (request.isAll && request.file !== undefined) throw new UsageError("use /a or /r FILE, not both");
  if (!request.isAll && !request.isList && request.file === undefined) {
    throw new UsageError("pcmdump needs /a (every file), /l (list the box) or /r FILE; see --help");
  }
  return request;
}

/** A file or directory that is not there: one line, exit 2 (like a mistyped argument). */
function missing(message: string): never {
  throw new UsageError(message);
}

function diskItem(fileName: string, file: string): BoxItem {
  const stat = statSync(file);
  return { fileName, byteLength: stat.size, lastChange: stat.mtime, contents: () => readInstructionFile(readFileSync(file)) };
}

function generatedItem(file: { fileName: string; records: InstructionRecord[]; bytes: Uint8Array; lastModified: Date }): BoxItem {
  return { fileName: file.fileName, byteLength: file.bytes.length, lastChange: file.lastModified, contents: () => ({ records: file.records, skippedRecords: [] }) };
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function readBoxDirectory(box: string): string[] {
  try {
    return readdirSync(resolveFromCaller(box));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") missing(`${box}: no such directory`);
    if (code === "ENOTDIR") missing(`${box} is not a directory`);
    throw error;
  }
}

/** The file /r names: in --box DIR for a bare name, else on disk, else the console's generated file. */
async function findFile(file: string, box: string | undefined): Promise<BoxItem> {
  const isBareName = path.basename(file) === file;
  if (box !== undefined && isBareName) {
    const names = readBoxDirectory(box);
    const name = names.find((candidate) => candidate === file) ?? names.find((candidate) => candidate.toUpperCase() === file.toUpperCase());
    const location = name === undefined ? undefined : path.join(resolveFromCaller(box), name);
    if (location === undefined || !isFile(location)) missing(`${file}: no such file in ${box}`);
    return diskItem(name!, location);
  }
  const location = resolveFromCaller(file);
  if (isFile(location)) return diskItem(path.basename(file), location);
  if (box !== undefined || !isBareName || !BARE_SMS_ID_FILE_PATTERN.test(file)) missing(`${file}: no such file`);

  const smsId = file.slice(0, 8).toUpperCase();
  const generated = await getInstructionFile({ smsId, now: currentWallClock() });
  if (generated === "unknown") missing(`${file}: no such file, and no client ${smsId} in inventory`);
  if (generated === "empty") missing(`${file}: no such file: no active job offers ${smsId} anything now, so the box has no file for it`);
  return generatedItem(generated);
}

/** Every file of the box, in file-name order. */
async function* boxItems(box: string | undefined): AsyncGenerator<BoxItem> {
  if (box === undefined) {
    for await (const file of generateInstructionBox({ now: currentWallClock() })) yield generatedItem(file);
    return;
  }
  const directory = resolveFromCaller(box);
  const names = readBoxDirectory(box)
    .filter((name) => name.toUpperCase().endsWith(".INS"))
    .sort((a, b) => a.toUpperCase().localeCompare(b.toUpperCase()));
  for (const name of names) {
    const location = path.join(directory, name);
    if (isFile(location)) yield diskItem(name, location);
  }
}

function reportSkipped(fileName: string, contents: InstructionFileContents): void {
  for (const skipped of contents.skippedRecords) {
    console.error(`sms: ${fileName}: skipped record ${skipped.recordIndex} at byte ${skipped.offset}: PCM Version ${skipped.version} is not one this reader knows (${skipped.byteLength} bytes)`);
  }
}

async function dump(items: AsyncIterable<BoxItem> | BoxItem[], request: PcmdumpRequest, isOneFile: boolean): Promise<number> {
  let exitCode = 0;
  let count = 0;
  // The banner waits for the first file, so a single unreadable file prints nothing but its error.
  const banner = () => (request.isJson || count > 0 ? "" : formatPcmdumpBanner(CONSOLE_VERSION));
  for await (const item of items) {
    let contents: InstructionFileContents;
    try {
      contents = item.contents();
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const message = `${item.fileName}: ${error.message}`;
      if (isOneFile) throw new DomainError(error.code, message);
      // One bad file in a box must not hide the others: report it and go on.
      console.error(`sms: ${message}`);
      exitCode = 1;
      continue;
    }
    reportSkipped(item.fileName, contents);
    if (request.isJson) {
      const text = isOneFile ? JSON.stringify(contents.records, null, 2) : JSON.stringify({ fileName: item.fileName, records: contents.records });
      await writeOutput(`${text}\n`);
    } else {
      await writeOutput(`${banner()}${count > 0 ? "\n" : ""}${formatPcmdump(item.fileName, contents.records, { detailed: request.isDetailed })}`);
    }
    count++;
    if (request.shouldPause) await pauseForEnter();
  }
  await writeOutput(banner());
  return exitCode;
}

async function list(items: AsyncIterable<BoxItem> | BoxItem[], request: PcmdumpRequest): Promise<number> {
  const entries: PcmdumpListEntry[] = [];
  let exitCode = 0;
  for await (const item of items) {
    let entry: PcmdumpListEntry;
    try {
      entry = { fileName: item.fileName, byteLength: item.byteLength, recordCount: item.contents().records.length, lastChange: item.lastChange };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      entry = { fileName: item.fileName, byteLength: item.byteLength, recordCount: null, lastChange: item.lastChange, problem: error.message };
      exitCode = 1;
    }
    if (request.isJson) await writeOutput(`${JSON.stringify({ ...entry, lastChange: entry.lastChange.toISOString() })}\n`);
    else entries.push(entry);
  }
  if (!request.isJson) await writeOutput(formatPcmdumpBanner(CONSOLE_VERSION) + formatPcmdumpList(entries));
  if (request.shouldPause) await pauseForEnter();
  return exitCode;
}

export const pcmdumpCommand: Command = {
  name: "pcmdump",
  usage: USAGE,
  async run(args) {
    const request = parseRequest(args);
    const items = request.file === undefined ? boxItems(request.box) : [await findFile(request.file, request.box)];
    return request.isList ? list(items, request) : dump(items, request, request.file !== undefined);
  },
};

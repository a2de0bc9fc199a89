import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  boxFileKey,
  compareBoxFiles,
  isInstructionFileName,
  presentSpellings,
  staleInstructionFiles,
  type BoxFile,
} from "@/lib/instruction-box/sync-plan";
import { UsageError } from "./command";

export type BoxSyncAction = "wrote" | "unchanged" | "removed";

export interface BoxSyncSummary {
  written: number;
  unchanged: number;
  removed: number;
  bytesWritten: number;
  /** `<SMS ID>.INS` files the directory holds afterwards (would hold, on a dry run). */
  fileCount: number;
}

export interface BoxSyncOptions {
  directory: string;
  /** How messages name the directory (as the user typed it); default `directory`. */
  directoryLabel?: string;
  /** Every file the box should hold, in any order; consumed a batch at a time. */
  files: AsyncIterable<BoxFile> | Iterable<BoxFile>;
  isDryRun?: boolean;
  onFile?: (action: BoxSyncAction, fileName: string) => void;
  batchSize?: number;
}

/**
 * Makes `directory` hold exactly `files` (plus whatever else was there that is not an
 * `<SMS ID>.INS`). Synchronous file calls: for thousands of small files on one disk they beat
 * the thread pool, and the plain-write baseline of `npm run bench:ins` uses them too.
 * No fsync: rename makes each file appear whole to readers, which is what PCM clients need.
 */
export async function syncInstructionBox(options: BoxSyncOptions): Promise<BoxSyncSummary> {
  const { directory, directoryLabel = directory, isDryRun = false, onFile, batchSize = 500 } = options;
  if (!isDryRun) ensureDirectory(directory, directoryLabel);
  const presentNames = listInstructionFiles(directory, directoryLabel);
  const spellings = presentSpellings(presentNames);
  const wantedNames: string[] = [];
  const summary: BoxSyncSummary = { written: 0, unchanged: 0, removed: 0, bytesWritten: 0, fileCount: 0 };

  const applyBatch = (batch: BoxFile[]) => {
    const present: BoxFile[] = [];
    for (const file of batch) {
      wantedNames.push(file.fileName);
      const spelling = spellings.get(boxFileKey(file.fileName));
      const bytes = spelling === undefined ? null : readIfPresent(path.join(directory, spelling));
      if (spelling !== undefined && bytes) present.push({ fileName: spelling, bytes });
    }
    const plan = compareBoxFiles(batch, present);
    for (const file of plan.write) {
      if (!isDryRun) writeFileAtomically(path.join(directory, file.fileName), file.bytes);
      summary.written++;
      summary.bytesWritten += file.bytes.length;
      onFile?.("wrote", file.fileName);
    }
    for (const fileName of plan.unchanged) {
      summary.unchanged++;
      onFile?.("unchanged", fileName);
    }
  };

  let batch: BoxFile[] = [];
  for await (const file of options.files) {
    batch.push(file);
    if (batch.length >= batchSize) {
      applyBatch(batch);
      batch = [];
    }
  }
  applyBatch(batch);

  for (const fileName of staleInstructionFiles(presentNames, wantedNames)) {
    if (!isDryRun) removeIfPresent(path.join(directory, fileName));
    summary.removed++;
    onFile?.("removed", fileName);
  }
  summary.fileCount = summary.written + summary.unchanged;
  return summary;
}

/** Writes a temporary file beside the target and renames it over the target. */
export function writeFileAtomically(target: string, bytes: Uint8Array): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
  } catch (error) {
    removeIfPresent(temporary);
    throw error;
  }
}

function ensureDirectory(directory: string, label: string): void {
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOTDIR") throw new UsageError(`${label} is not a directory`);
    throw error;
  }
  if (!statSync(directory).isDirectory()) throw new UsageError(`${label} is not a directory`);
}

/** Names of the regular files in `directory` named like `<SMS ID>.INS`; none when it does not exist. */
function listInstructionFiles(directory: string, label: string): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isFile() && isInstructionFileName(entry.name))
      .map((entry) => entry.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return [];
    if (code === "ENOTDIR") throw new UsageError(`${label} is not a directory`);
    throw error;
  }
}

function readIfPresent(file: string): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

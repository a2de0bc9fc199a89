/**
 * What `sms box sync` must do to make a directory (a logon server's PCMINS.BOX share) hold exactly
 * the instruction files wanted. Pure: the caller lists and reads the directory and applies the plan.
 *
 * Names compare case-insensitively, as on the Windows share PCM clients read: a wanted
 * MDM00005.INS and a present mdm00005.ins are one file, rewritten in place under its present name
 * (renaming onto another spelling would, on a case-insensitive file system, replace the file and
 * then delete it). Only files named like an SMS ID + ".INS" are ever removed; anything else in the
 * directory is not ours and is never touched.
 */

export interface BoxFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface BoxSyncPlan {
  /** Files to (re)write; `fileName` is the name to write in the directory. */
  write: BoxFile[];
  /** Names of present files that already hold the wanted bytes. */
  unchanged: string[];
  /** Names of present `<SMS ID>.INS` files that no wanted file accounts for. */
  remove: string[];
}

/** `<SMS ID>.INS`: eight upper-case base-36 characters (lib/sms-id.ts), in any case on disk. */
const INSTRUCTION_FILE_NAME_PATTERN = /^[A-Z0-9]{8}\.INS$/i;

export function isInstructionFileName(fileName: string): boolean {
  return INSTRUCTION_FILE_NAME_PATTERN.test(fileName);
}

/** The key two spellings of one file name share on a case-insensitive share. */
export function boxFileKey(fileName: string): string {
  return fileName.toUpperCase();
}

export function haveSameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * For each name (case-insensitively), the present spelling that stands for it: the upper-case
 * spelling when present, else the first listed. Two spellings coexist only on a case-sensitive disk.
 */
export function presentSpellings(presentNames: Iterable<string>): Map<string, string> {
  const spellings = new Map<string, string>();
  for (const name of presentNames) {
    const key = boxFileKey(name);
    if (!spellings.has(key) || name === key) spellings.set(key, name);
  }
  return spellings;
}

/**
 * Compares wanted files with the present files of the same names. `present` may hold only the
 * files matching this batch of `wanted` (how `sms box sync` streams a large box); present files
 * that no wanted file names are ignored here: `staleInstructionFiles` decides those.
 */
export function compareBoxFiles(wanted: readonly BoxFile[], present: readonly BoxFile[]): Pick<BoxSyncPlan, "write" | "unchanged"> {
  const presentByName = new Map(present.map((file) => [file.fileName, file]));
  const spellings = presentSpellings(presentByName.keys());
  const write: BoxFile[] = [];
  const unchanged: string[] = [];
  for (const file of wanted) {
    const spelling = spellings.get(boxFileKey(file.fileName));
    const match = spelling === undefined ? undefined : presentByName.get(spelling);
    if (!match) write.push(file);
    else if (haveSameBytes(match.bytes, file.bytes)) unchanged.push(match.fileName);
    else write.push({ fileName: match.fileName, bytes: file.bytes });
  }
  return { write, unchanged };
}

/**
 * Present `<SMS ID>.INS` files that are not the file kept for any wanted name: clients with no
 * records any more, and extra spellings of a wanted name on a case-sensitive disk.
 */
export function staleInstructionFiles(presentNames: readonly string[], wantedNames: Iterable<string>): string[] {
  const wantedKeys = new Set<string>();
  for (const name of wantedNames) wantedKeys.add(boxFileKey(name));
  const spellings = presentSpellings(presentNames);
  return presentNames.filter((name) => {
    if (!isInstructionFileName(name)) return false;
    const key = boxFileKey(name);
    return !wantedKeys.has(key) || spellings.get(key) !== name;
  });
}

/** The whole plan for one directory: write, leave alone, remove. */
export function planBoxSync(wanted: readonly BoxFile[], present: readonly BoxFile[]): BoxSyncPlan {
  return {
    ...compareBoxFiles(wanted, present),
    remove: staleInstructionFiles(
      present.map((file) => file.fileName),
      wanted.map((file) => file.fileName),
    ),
  };
}

import {
  CURRENT_RECORD_VERSION,
  MAX_SERVERS_PER_RECORD,
  MIN_RECORD_VERSION,
  RESERVED_BYTE_LENGTH,
  SERVER_PATH_MAX_LENGTH,
  SERVER_ZONE_MAX_LENGTH,
  TEXT_FIELD_MAX_LENGTHS,
} from "./record";

/**
 * Byte layout of the console's .INS files (docs/ins-format.md). Microsoft never published the real one,
 * so this is our own, shaped like a 1990s C struct file: little-endian, naturally aligned fixed part,
 * counted strings after it.
 */

/** "PCM" then Ctrl-Z, so `TYPE FILE.INS` at a DOS prompt stops after the magic instead of spewing binary. */
export const INSTRUCTION_FILE_MAGIC: readonly number[] = [0x50, 0x43, 0x4d, 0x1a];
/** Bumped only for an incompatible change to the file header or to the layout of known record versions. */
export const LAYOUT_REVISION = 1;

export const FILE_HEADER = { magic: 0, layoutRevision: 4, recordCount: 6, size: 8 } as const;

/** Offsets inside a record, from the start of its length field. */
export const RECORD_OFFSETS = {
  recordLength: 0,
  version: 2,
  siteId: 4,
  requestId: 7,
  packageId: 14,
  jobId: 22,
  installFlag: 30,
  installByDate: 32,
  installByFull: 40,
  displayDate: 42,
  displayFull: 50,
  expirationDate: 52,
  expirationFull: 60,
  userInputFlags: 62,
  operatingSystem: 64,
  reserved: 68,
  variablePart: 68 + RESERVED_BYTE_LENGTH,
} as const;

/** Bytes every record starts with (length + version): enough to skip a version we do not know. */
export const RECORD_HEADER_BYTES = 4;
/** Bytes before the counted strings: the smallest record of a known version. */
export const RECORD_FIXED_BYTES = RECORD_OFFSETS.variablePart;

/** A stored date: month u8, day u8, year u16 (full year, e.g. 1994), hour u8, minute u8, second u8, pad u8 = 0. */
export const DATE_OFFSETS = { month: 0, day: 1, year: 2, hour: 4, minute: 5, second: 6, pad: 7 } as const;
export const DATE_BYTES = 8;

/** u16 byte count before each counted string; no NUL terminator. */
export const COUNT_BYTES = 2;

const largestServer = COUNT_BYTES + SERVER_PATH_MAX_LENGTH + 2 + COUNT_BYTES + SERVER_ZONE_MAX_LENGTH;
const largestStrings = Object.values(TEXT_FIELD_MAX_LENGTHS).reduce((sum, max) => sum + COUNT_BYTES + max, 0);

/** Largest record the limits allow; it must fit the u16 record length. */
export const MAX_RECORD_BYTES = RECORD_FIXED_BYTES + largestStrings + 2 + MAX_SERVERS_PER_RECORD * largestServer;

export function isKnownRecordVersion(version: number): boolean {
  return version >= MIN_RECORD_VERSION && version <= CURRENT_RECORD_VERSION;
}

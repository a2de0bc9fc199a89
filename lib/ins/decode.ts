import { ByteReader, hex } from "./byte-reader";
import { InstructionFileError } from "./instruction-file-error";
import {
  DATE_BYTES,
  DATE_OFFSETS,
  FILE_HEADER,
  INSTRUCTION_FILE_MAGIC,
  LAYOUT_REVISION,
  RECORD_FIXED_BYTES,
  RECORD_HEADER_BYTES,
  isKnownRecordVersion,
} from "./layout";
import {
  FIELD_LABELS,
  FIXED_FIELD_WIDTHS,
  MAX_INSTRUCTION_FILE_BYTES,
  MAX_RECORDS_PER_FILE,
  MAX_SERVERS_PER_RECORD,
  RESERVED_BYTE_LENGTH,
  SERVER_PATH_MAX_LENGTH,
  SERVER_ZONE_MAX_LENGTH,
  TEXT_FIELD_MAX_LENGTHS,
  type InstructionRecord,
  type InstructionServer,
} from "./record";
import { STORED_DATE_RANGES, storedDateText, type StoredDateComponent, type StoredDateParts } from "./stored-date";

/** A record whose version this layout does not define; its bytes were skipped using its length. */
export interface SkippedRecord {
  recordIndex: number;
  offset: number;
  version: number;
  byteLength: number;
}

export interface InstructionFileContents {
  records: InstructionRecord[];
  skippedRecords: SkippedRecord[];
}

/** The records of a .INS file. Records of unknown versions are skipped; use readInstructionFile to see them. */
export function decodeInstructionFile(bytes: Uint8Array): InstructionRecord[] {
  return readInstructionFile(bytes).records;
}

/**
 * Decodes untrusted bytes. Work and memory are bounded by the input size (itself capped), and every
 * problem throws InstructionFileError naming the byte offset and field.
 */
export function readInstructionFile(bytes: Uint8Array): InstructionFileContents {
  if (!(bytes instanceof Uint8Array)) {
    throw new InstructionFileError("expected the file's bytes as a Uint8Array", {
      field: "Instruction File",
      offset: 0,
    });
  }
  if (bytes.length > MAX_INSTRUCTION_FILE_BYTES) {
    const detail = `file is ${bytes.length} bytes, more than the maximum ${MAX_INSTRUCTION_FILE_BYTES}`;
    throw new InstructionFileError(detail, { field: "Instruction File", offset: MAX_INSTRUCTION_FILE_BYTES });
  }
  const reader = new ByteReader(bytes);
  const recordCount = readFileHeader(reader);
  const records: InstructionRecord[] = [];
  const skippedRecords: SkippedRecord[] = [];

  for (let recordIndex = 0; recordIndex < recordCount; recordIndex++) {
    const start = reader.position;
    const byteLength = reader.u16("Record Length");
    if (byteLength < RECORD_HEADER_BYTES) {
      reader.fail("Record Length", `${byteLength} is less than the ${RECORD_HEADER_BYTES}-byte record header`, start);
    }
    const end = start + byteLength;
    reader.enterRecord(end);
    const version = reader.u16(FIELD_LABELS.version);
    if (!isKnownRecordVersion(version)) {
      if (end > reader.fileLength) {
        const detail = `record of ${byteLength} bytes runs past the end of the file at byte ${reader.fileLength}`;
        reader.fail("Record Length", detail, start);
      }
      skippedRecords.push({ recordIndex, offset: start, version, byteLength });
    } else {
      if (byteLength < RECORD_FIXED_BYTES) {
        const detail = `${byteLength} is less than the ${RECORD_FIXED_BYTES}-byte fixed part of a record`;
        reader.fail("Record Length", detail, start);
      }
      records.push(readRecordBody(reader, version));
      if (reader.position !== end) {
        reader.fail("Record Length", `${end - reader.position} bytes after Domain Name belong to no field`);
      }
    }
    reader.position = end;
    reader.leaveRecord();
  }

  if (reader.position !== bytes.length) {
    reader.fail("End of File", `${bytes.length - reader.position} bytes after the last of ${recordCount} records`);
  }
  return { records, skippedRecords };
}

function readFileHeader(reader: ByteReader): number {
  const magic = reader.raw("Magic", INSTRUCTION_FILE_MAGIC.length);
  if (!INSTRUCTION_FILE_MAGIC.every((byte, index) => magic[index] === byte)) {
    const expected = INSTRUCTION_FILE_MAGIC.map(hex).join(" ");
    reader.fail("Magic", `expected ${expected} ("PCM" + Ctrl-Z): not a console .INS file`, FILE_HEADER.magic);
  }
  const revision = reader.u16("Layout Revision");
  if (revision !== LAYOUT_REVISION) {
    const detail = `${revision} is not supported (this reader knows ${LAYOUT_REVISION})`;
    reader.fail("Layout Revision", detail, FILE_HEADER.layoutRevision);
  }
  const recordCount = reader.u16("Record Count");
  if (recordCount > MAX_RECORDS_PER_FILE) {
    reader.fail("Record Count", `${recordCount} exceeds the maximum ${MAX_RECORDS_PER_FILE}`, FILE_HEADER.recordCount);
  }
  return recordCount;
}

/** Reads from just after the version field; the order is the struct order in docs/ins-format.md. */
function readRecordBody(reader: ByteReader, version: number): InstructionRecord {
  const label = FIELD_LABELS;
  const siteId = reader.fixedText(label.siteId, FIXED_FIELD_WIDTHS.siteId);
  const requestId = reader.fixedText(label.requestId, FIXED_FIELD_WIDTHS.requestId);
  const packageId = reader.fixedText(label.packageId, FIXED_FIELD_WIDTHS.packageId);
  const jobId = reader.fixedText(label.jobId, FIXED_FIELD_WIDTHS.jobId);
  const installFlag = reader.u16(label.installFlag);
  const installByDate = readDate(reader, label.installByDate);
  const installByFull = reader.u16(label.installByFull);
  const displayDate = readDate(reader, label.displayDate);
  const displayFull = reader.u16(label.displayFull);
  const expirationDate = readDate(reader, label.expirationDate);
  const expirationFull = reader.u16(label.expirationFull);
  const userInputFlags = reader.u16(label.userInputFlags);
  const operatingSystem = reader.u32(label.operatingSystem);
  const reservedBytes = reader.raw(label.reserved, RESERVED_BYTE_LENGTH);
  const reserved = Array.from(reservedBytes, (byte) => hex(byte).toLowerCase()).join("");
  const diskUsage = reader.countedText(label.diskUsage, TEXT_FIELD_MAX_LENGTHS.diskUsage);
  const runCommand = reader.countedText(label.runCommand, TEXT_FIELD_MAX_LENGTHS.runCommand);
  const wclName = reader.countedText(label.wclName, TEXT_FIELD_MAX_LENGTHS.wclName);
  const servers = readServers(reader);
  const packageName = reader.countedText(label.packageName, TEXT_FIELD_MAX_LENGTHS.packageName);
  const comments = reader.countedText(label.comments, TEXT_FIELD_MAX_LENGTHS.comments);
  const domainName = reader.countedText(label.domainName, TEXT_FIELD_MAX_LENGTHS.domainName);
  return {
    version,
    siteId,
    requestId,
    packageId,
    jobId,
    installFlag,
    installByDate,
    installByFull,
    displayDate,
    displayFull,
    expirationDate,
    expirationFull,
    userInputFlags,
    operatingSystem,
    diskUsage,
    runCommand,
    wclName,
    servers,
    packageName,
    comments,
    domainName,
    reserved,
  };
}

function readServers(reader: ByteReader): InstructionServer[] {
  const label = FIELD_LABELS.servers;
  const start = reader.position;
  const count = reader.u16(`${label} Count`);
  if (count > MAX_SERVERS_PER_RECORD) {
    reader.fail(`${label} Count`, `${count} exceeds the maximum ${MAX_SERVERS_PER_RECORD}`, start);
  }
  const servers: InstructionServer[] = [];
  for (let index = 0; index < count; index++) {
    const path = reader.countedText(`${label}[${index}] Path`, SERVER_PATH_MAX_LENGTH, 1);
    const type = reader.u16(`${label}[${index}] Type`);
    const zone = reader.countedText(`${label}[${index}] Zone`, SERVER_ZONE_MAX_LENGTH);
    servers.push({ path, type, zone });
  }
  return servers;
}

const DATE_LAYOUT: readonly [StoredDateComponent, number, 1 | 2][] = [
  ["month", DATE_OFFSETS.month, 1],
  ["day", DATE_OFFSETS.day, 1],
  ["year", DATE_OFFSETS.year, 2],
  ["hour", DATE_OFFSETS.hour, 1],
  ["minute", DATE_OFFSETS.minute, 1],
  ["second", DATE_OFFSETS.second, 1],
];

function readDate(reader: ByteReader, field: string): string | null {
  const start = reader.position;
  const bytes = reader.raw(field, DATE_BYTES);
  const parts: StoredDateParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const [component, offset, size] of DATE_LAYOUT) {
    const value = (bytes[offset] ?? 0) | (size === 2 ? (bytes[offset + 1] ?? 0) << 8 : 0);
    const [min, max] = STORED_DATE_RANGES[component];
    if (value < min || value > max) {
      reader.fail(field, `${component} ${value} is outside ${min}-${max}`, start + offset);
    }
    parts[component] = value;
  }
  if (bytes[DATE_OFFSETS.pad] !== 0) reader.fail(field, "padding byte must be 0", start + DATE_OFFSETS.pad);
  return storedDateText(parts);
}

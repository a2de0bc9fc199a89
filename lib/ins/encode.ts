import type { z } from "zod";
import { InstructionFileError } from "./instruction-file-error";
import {
  COUNT_BYTES,
  DATE_OFFSETS,
  FILE_HEADER,
  INSTRUCTION_FILE_MAGIC,
  LAYOUT_REVISION,
  RECORD_FIXED_BYTES,
  RECORD_OFFSETS,
} from "./layout";
import { FIELD_LABELS, MAX_INSTRUCTION_FILE_BYTES, type InstructionRecord } from "./record";
import { SERVER_FIELD_LABELS, instructionFileSchema } from "./schema";
import { isEncodableFile } from "./fast-check-record";
import { storedDateParts } from "./stored-date";

/**
 * The bytes of a <SMS ID>.INS file holding `records`, in order.
 * Validates first (the same schema the CLI and forms use) and throws InstructionFileError naming
 * the record and field, so a bad record never becomes a file a client would choke on.
 */
export function encodeInstructionFile(records: readonly InstructionRecord[]): Uint8Array {
  let validRecords: readonly InstructionRecord[] = records;
  if (!isEncodableFile(records)) {
    const parsed = instructionFileSchema.safeParse(records);
    if (!parsed.success) throw errorFromIssue(firstIssue(parsed.error));
    validRecords = parsed.data;
  }

  const recordSizes = validRecords.map(recordByteLength);
  const fileSize = recordSizes.reduce((sum, size) => sum + size, FILE_HEADER.size);
  if (fileSize > MAX_INSTRUCTION_FILE_BYTES) {
    throw new InstructionFileError(`${fileSize} bytes exceeds the maximum ${MAX_INSTRUCTION_FILE_BYTES}`, {
      field: "Instruction File",
    });
  }

  const bytes = new Uint8Array(fileSize);
  const view = new DataView(bytes.buffer);
  bytes.set(INSTRUCTION_FILE_MAGIC, FILE_HEADER.magic);
  view.setUint16(FILE_HEADER.layoutRevision, LAYOUT_REVISION, true);
  view.setUint16(FILE_HEADER.recordCount, validRecords.length, true);

  let offset: number = FILE_HEADER.size;
  validRecords.forEach((record, index) => {
    const size = recordSizes[index] ?? 0;
    writeRecord(bytes, view, offset, size, record);
    offset += size;
  });
  return bytes;
}

function recordByteLength(record: InstructionRecord): number {
  const counted = (text: string) => COUNT_BYTES + text.length;
  const servers = record.servers.reduce((sum, server) => sum + counted(server.path) + 2 + counted(server.zone), 0);
  return (
    RECORD_FIXED_BYTES +
    counted(record.diskUsage) +
    counted(record.runCommand) +
    counted(record.wclName) +
    COUNT_BYTES +
    servers +
    counted(record.packageName) +
    counted(record.comments) +
    counted(record.domainName)
  );
}

function writeRecord(bytes: Uint8Array, view: DataView, start: number, size: number, record: InstructionRecord): void {
  const at = (offset: number) => start + offset;
  view.setUint16(at(RECORD_OFFSETS.recordLength), size, true);
  view.setUint16(at(RECORD_OFFSETS.version), record.version, true);
  writeLatin1(bytes, at(RECORD_OFFSETS.siteId), record.siteId);
  writeLatin1(bytes, at(RECORD_OFFSETS.requestId), record.requestId);
  writeLatin1(bytes, at(RECORD_OFFSETS.packageId), record.packageId);
  writeLatin1(bytes, at(RECORD_OFFSETS.jobId), record.jobId);
  view.setUint16(at(RECORD_OFFSETS.installFlag), record.installFlag, true);
  writeDate(view, at(RECORD_OFFSETS.installByDate), record.installByDate);
  view.setUint16(at(RECORD_OFFSETS.installByFull), record.installByFull, true);
  writeDate(view, at(RECORD_OFFSETS.displayDate), record.displayDate);
  view.setUint16(at(RECORD_OFFSETS.displayFull), record.displayFull, true);
  writeDate(view, at(RECORD_OFFSETS.expirationDate), record.expirationDate);
  view.setUint16(at(RECORD_OFFSETS.expirationFull), record.expirationFull, true);
  view.setUint16(at(RECORD_OFFSETS.userInputFlags), record.userInputFlags, true);
  view.setUint32(at(RECORD_OFFSETS.operatingSystem), record.operatingSystem, true);
  for (let index = 0; index < record.reserved.length / 2; index++) {
    bytes[at(RECORD_OFFSETS.reserved) + index] = parseInt(record.reserved.slice(index * 2, index * 2 + 2), 16);
  }

  let offset = at(RECORD_OFFSETS.variablePart);
  const counted = (text: string) => {
    view.setUint16(offset, text.length, true);
    writeLatin1(bytes, offset + COUNT_BYTES, text);
    offset += COUNT_BYTES + text.length;
  };
  counted(record.diskUsage);
  counted(record.runCommand);
  counted(record.wclName);
  view.setUint16(offset, record.servers.length, true);
  offset += COUNT_BYTES;
  for (const server of record.servers) {
    counted(server.path);
    view.setUint16(offset, server.type, true);
    offset += 2;
    counted(server.zone);
  }
  counted(record.packageName);
  counted(record.comments);
  counted(record.domainName);
}

/** Fixed-width fields rely on the buffer starting zeroed: what is not written stays NUL padding. */
function writeLatin1(bytes: Uint8Array, offset: number, text: string): void {
  for (let index = 0; index < text.length; index++) bytes[offset + index] = text.charCodeAt(index);
}

function writeDate(view: DataView, offset: number, value: string | null): void {
  const parts = storedDateParts(value);
  view.setUint8(offset + DATE_OFFSETS.month, parts.month);
  view.setUint8(offset + DATE_OFFSETS.day, parts.day);
  view.setUint16(offset + DATE_OFFSETS.year, parts.year, true);
  view.setUint8(offset + DATE_OFFSETS.hour, parts.hour);
  view.setUint8(offset + DATE_OFFSETS.minute, parts.minute);
  view.setUint8(offset + DATE_OFFSETS.second, parts.second);
}

function firstIssue(error: z.ZodError): z.core.$ZodIssue {
  const issue = error.issues[0];
  if (!issue) throw new TypeError("zod reported failure without an issue");
  return issue;
}

function errorFromIssue(issue: z.core.$ZodIssue): InstructionFileError {
  const path = issue.path.map((part) => (typeof part === "symbol" ? String(part) : part));
  const [recordIndex, key, , serverKey] = path;
  if (typeof recordIndex !== "number") {
    return new InstructionFileError(issue.message, { field: "Instruction File", path });
  }
  return new InstructionFileError(issue.message, {
    field: fieldLabel(key, serverKey),
    recordIndex,
    path,
  });
}

function fieldLabel(key: string | number | undefined, serverKey: string | number | undefined): string {
  if (key === "servers" && typeof serverKey === "string" && serverKey in SERVER_FIELD_LABELS) {
    return SERVER_FIELD_LABELS[serverKey as keyof typeof SERVER_FIELD_LABELS];
  }
  if (typeof key === "string" && key in FIELD_LABELS) return FIELD_LABELS[key as keyof InstructionRecord];
  return "Record";
}

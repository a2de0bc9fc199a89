import {
  CURRENT_RECORD_VERSION,
  FIXED_FIELD_WIDTHS,
  MAX_RECORDS_PER_FILE,
  MAX_SERVERS_PER_RECORD,
  MAX_UINT16,
  MAX_UINT32,
  MIN_RECORD_VERSION,
  PRINTABLE_LATIN1_PATTERN,
  SERVER_PATH_MAX_LENGTH,
  SERVER_ZONE_MAX_LENGTH,
  TEXT_FIELD_MAX_LENGTHS,
  type InstructionRecord,
} from "./record";
import { storedDateTextProblem } from "./stored-date";

/**
 * The instruction file schema's rules, hand-written: true only when zod would accept the records.
 * Encoding a whole box validates hundreds of thousands of records; this answers the common case
 * (valid) quickly, and zod still produces the message whenever something is wrong.
 */
export function isEncodableFile(records: readonly unknown[]): boolean {
  return Array.isArray(records) && records.length <= MAX_RECORDS_PER_FILE && records.every(isEncodableRecord);
}

const RECORD_KEYS = 22;
const SERVER_KEYS = 3;
const RESERVED_PATTERN = /^[0-9a-fA-F]{64}$/;

const isText = (value: unknown, maxLength: number, minLength = 0): boolean =>
  typeof value === "string" && value.length >= minLength && value.length <= maxLength && PRINTABLE_LATIN1_PATTERN.test(value);
const isWhole = (value: unknown, min: number, max: number): boolean => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
const isDate = (value: unknown): boolean => value === null || (typeof value === "string" && storedDateTextProblem(value) === undefined);

function isEncodableServer(server: unknown): boolean {
  if (!server || typeof server !== "object" || Object.keys(server).length !== SERVER_KEYS) return false;
  const { path, type, zone } = server as Record<string, unknown>;
  return isText(path, SERVER_PATH_MAX_LENGTH, 1) && isWhole(type, 0, MAX_UINT16) && isText(zone, SERVER_ZONE_MAX_LENGTH);
}

function isEncodableRecord(value: unknown): boolean {
  if (!value || typeof value !== "object" || Object.keys(value).length !== RECORD_KEYS) return false;
  const record = value as Record<keyof InstructionRecord, unknown>;
  return (
    isWhole(record.version, MIN_RECORD_VERSION, CURRENT_RECORD_VERSION) &&
    isText(record.siteId, FIXED_FIELD_WIDTHS.siteId) &&
    isText(record.requestId, FIXED_FIELD_WIDTHS.requestId) &&
    isText(record.packageId, FIXED_FIELD_WIDTHS.packageId) &&
    isText(record.jobId, FIXED_FIELD_WIDTHS.jobId) &&
    isWhole(record.installFlag, 0, MAX_UINT16) &&
    isDate(record.installByDate) &&
    isWhole(record.installByFull, 0, MAX_UINT16) &&
    isDate(record.displayDate) &&
    isWhole(record.displayFull, 0, MAX_UINT16) &&
    isDate(record.expirationDate) &&
    isWhole(record.expirationFull, 0, MAX_UINT16) &&
    isWhole(record.userInputFlags, 0, MAX_UINT16) &&
    isWhole(record.operatingSystem, 0, MAX_UINT32) &&
    isText(record.diskUsage, TEXT_FIELD_MAX_LENGTHS.diskUsage) &&
    isText(record.runCommand, TEXT_FIELD_MAX_LENGTHS.runCommand) &&
    isText(record.wclName, TEXT_FIELD_MAX_LENGTHS.wclName) &&
    Array.isArray(record.servers) &&
    record.servers.length <= MAX_SERVERS_PER_RECORD &&
    record.servers.every(isEncodableServer) &&
    isText(record.packageName, TEXT_FIELD_MAX_LENGTHS.packageName) &&
    isText(record.comments, TEXT_FIELD_MAX_LENGTHS.comments) &&
    isText(record.domainName, TEXT_FIELD_MAX_LENGTHS.domainName) &&
    typeof record.reserved === "string" &&
    RESERVED_PATTERN.test(record.reserved)
  );
}

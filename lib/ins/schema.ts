import { z } from "zod";
import {
  FIELD_LABELS,
  FIXED_FIELD_WIDTHS,
  MAX_RECORDS_PER_FILE,
  MAX_SERVERS_PER_RECORD,
  MAX_UINT16,
  MAX_UINT32,
  MIN_RECORD_VERSION,
  CURRENT_RECORD_VERSION,
  PRINTABLE_LATIN1_PATTERN,
  SERVER_PATH_MAX_LENGTH,
  SERVER_ZONE_MAX_LENGTH,
  TEXT_FIELD_MAX_LENGTHS,
  type InstructionRecord,
} from "./record";
import { storedDateTextProblem } from "./stored-date";

/** Labels for the server sub-fields, used in messages and by the encoder's error mapping. */
export const SERVER_FIELD_LABELS = { path: "Server path", type: "Server type", zone: "Server zone" } as const;

function text(label: string, maxLength: number, minLength = 0) {
  const lengthMessage =
    minLength > 0
      ? `${label} must be ${minLength} to ${maxLength} characters`
      : `${label} must be at most ${maxLength} characters`;
  return z
    .string({ error: `${label} must be a string` })
    .min(minLength, { error: lengthMessage })
    .max(maxLength, { error: lengthMessage })
    .regex(PRINTABLE_LATIN1_PATTERN, { error: `${label} may contain only printable Latin-1 characters` });
}

function integer(label: string, min: number, max: number) {
  const message = `${label} must be a whole number from ${min} to ${max}`;
  return z.int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

function storedDate(label: string) {
  return z
    .string({ error: `${label} must be a "YYYY-MM-DDTHH:MM:SS" string or null` })
    .superRefine((value, context) => {
      const problem = storedDateTextProblem(value);
      if (problem) context.addIssue({ code: "custom", message: `${label} ${problem}` });
    })
    .nullable();
}

function unknownKeys(what: string) {
  return {
    error: (issue: { code?: string; keys?: string[] }) =>
      issue.code === "unrecognized_keys" ? `${what} has unknown field(s): ${(issue.keys ?? []).join(", ")}` : undefined,
  };
}

export const instructionServerSchema = z.strictObject(
  {
    path: text(SERVER_FIELD_LABELS.path, SERVER_PATH_MAX_LENGTH, 1),
    type: integer(SERVER_FIELD_LABELS.type, 0, MAX_UINT16),
    zone: text(SERVER_FIELD_LABELS.zone, SERVER_ZONE_MAX_LENGTH),
  },
  unknownKeys("Server"),
);

const label = FIELD_LABELS;

/** What the codec can store. Domain rules (site code format, known flag values) belong to the job/package schemas. */
export const instructionRecordSchema = z.strictObject(
  {
    version: integer(label.version, MIN_RECORD_VERSION, CURRENT_RECORD_VERSION),
    siteId: text(label.siteId, FIXED_FIELD_WIDTHS.siteId),
    requestId: text(label.requestId, FIXED_FIELD_WIDTHS.requestId),
    packageId: text(label.packageId, FIXED_FIELD_WIDTHS.packageId),
    jobId: text(label.jobId, FIXED_FIELD_WIDTHS.jobId),
    installFlag: integer(label.installFlag, 0, MAX_UINT16),
    installByDate: storedDate(label.installByDate),
    installByFull: integer(label.installByFull, 0, MAX_UINT16),
    displayDate: storedDate(label.displayDate),
    displayFull: integer(label.displayFull, 0, MAX_UINT16),
    expirationDate: storedDate(label.expirationDate),
    expirationFull: integer(label.expirationFull, 0, MAX_UINT16),
    userInputFlags: integer(label.userInputFlags, 0, MAX_UINT16),
    operatingSystem: integer(label.operatingSystem, 0, MAX_UINT32),
    diskUsage: text(label.diskUsage, TEXT_FIELD_MAX_LENGTHS.diskUsage),
    runCommand: text(label.runCommand, TEXT_FIELD_MAX_LENGTHS.runCommand),
    wclName: text(label.wclName, TEXT_FIELD_MAX_LENGTHS.wclName),
    servers: z
      .array(instructionServerSchema, { error: `${label.servers} must be an array of servers` })
      .max(MAX_SERVERS_PER_RECORD, { error: `${label.servers} may list at most ${MAX_SERVERS_PER_RECORD} servers` }),
    packageName: text(label.packageName, TEXT_FIELD_MAX_LENGTHS.packageName),
    comments: text(label.comments, TEXT_FIELD_MAX_LENGTHS.comments),
    domainName: text(label.domainName, TEXT_FIELD_MAX_LENGTHS.domainName),
    // PCMDUMP prints the bytes in upper case and the decoder writes lower case: an admin may paste either.
    reserved: z
      .string({ error: `${label.reserved} must be a string of 64 hex digits` })
      .regex(/^[0-9a-fA-F]{64}$/, { error: `${label.reserved} must be exactly 64 hex digits (32 bytes)` })
      .transform((hex) => hex.toLowerCase()),
  },
  unknownKeys("Record"),
);

export const instructionFileSchema = z
  .array(instructionRecordSchema, { error: "An instruction file must be an array of records" })
  .max(MAX_RECORDS_PER_FILE, { error: `An instruction file may hold at most ${MAX_RECORDS_PER_FILE} records` });

// The hand-written interface documents the JSON form; this keeps the schema from drifting away from it.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesRecord: Equal<z.infer<typeof instructionRecordSchema>, InstructionRecord> = true;
void schemaMatchesRecord;

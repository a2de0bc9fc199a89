import { describe, expect, it } from "vitest";
import { decodeInstructionFile } from "./decode";
import { encodeInstructionFile } from "./encode";
import { hexDump, readGoldenBytes, readGoldenRecords, writeGoldenBytesIfAsked } from "./fixtures/golden-fixtures";
import { isDomainError } from "../errors";
import { InstructionFileError } from "./instruction-file-error";
import { MAX_RECORD_BYTES } from "./layout";
import { MAX_INSTRUCTION_FILE_BYTES, MAX_UINT16, type InstructionRecord } from "./record";
import { instructionFileSchema } from "./schema";

const golden = readGoldenRecords();
const first = golden[0] as InstructionRecord;

describe("golden MDM00005.INS (Q123499)", () => {
  it("encodes the fixture records to the committed bytes, byte for byte", () => {
    const bytes = encodeInstructionFile(golden);
    writeGoldenBytesIfAsked(bytes);
    expect(hexDump(bytes)).toEqual(hexDump(readGoldenBytes()));
  });

  it("decodes the committed bytes back to the fixture records, keys in JSON-form order", () => {
    const records = decodeInstructionFile(readGoldenBytes());
    expect(records).toEqual(golden);
    expect(JSON.stringify(records)).toBe(JSON.stringify(golden));
  });

  it("encodes an empty file as the 8-byte header", () => {
    expect(Array.from(encodeInstructionFile([]))).toEqual([0x50, 0x43, 0x4d, 0x1a, 1, 0, 0, 0]);
  });
});

describe("limits", () => {
  it("keeps the largest allowed record within the u16 record length", () => {
    expect(MAX_RECORD_BYTES).toBeLessThanOrEqual(MAX_UINT16);
  });
});

const servers = (count: number, path = "\\\\S\\P\\") => Array.from({ length: count }, () => ({ path, type: 2, zone: "" }));
const withChange = (change: Record<string, unknown>) => ({ ...first, ...change }) as InstructionRecord;

describe("reserved bytes as PCMDUMP prints them (upper case)", () => {
  const lowerCase = "02ab00cdef" + "0".repeat(54);
  const upperCase = lowerCase.toUpperCase();

  it("encodes upper-case hex to the same bytes as lower-case hex", () => {
    expect(hexDump(encodeInstructionFile([withChange({ reserved: upperCase })]))).toEqual(hexDump(encodeInstructionFile([withChange({ reserved: lowerCase })])));
  });

  it("accepts either case in the JSON form and writes lower case", () => {
    const parsed = instructionFileSchema.safeParse([withChange({ reserved: upperCase }), withChange({ reserved: "02Ab00cDeF" + "0".repeat(54) })]);
    expect(parsed.success && parsed.data.map((record) => record.reserved)).toEqual([lowerCase, lowerCase]);
    expect(decodeInstructionFile(encodeInstructionFile([withChange({ reserved: upperCase })]))[0]?.reserved).toBe(lowerCase);
  });
});

describe("encoder validation names the record and field", () => {
  it.each<[string, unknown, string, string]>([
    ["site code too long", [withChange({ siteId: "ABCD" })], "SiteID", "record 0 (siteId): SiteID must be at most 3 characters"],
    ["request ID too long", [withChange({ requestId: "BPC001MX" })], "RequestID", "record 0 (requestId): RequestID must be at most 7 characters"],
    ["run command too long", [first, withChange({ runCommand: "x".repeat(1025) })], "Run Command", "record 1 (runCommand): Run Command must be at most 1024 characters"],
    ["control character", [withChange({ comments: "line\nbreak" })], "Comments", "record 0 (comments): Comments may contain only printable Latin-1 characters"],
    ["non-Latin-1 character", [withChange({ wclName: "Caf\u0113" })], "WCL Name", "record 0 (wclName): WCL Name may contain only printable Latin-1 characters"],
    ["install flag above u16", [withChange({ installFlag: 70000 })], "Install Flag", "record 0 (installFlag): Install Flag must be a whole number from 0 to 65535"],
    ["fractional OS mask", [withChange({ operatingSystem: 1.5 })], "Operating System", "record 0 (operatingSystem): Operating System must be a whole number from 0 to 4294967295"],
    ["negative OS mask", [withChange({ operatingSystem: -1 })], "Operating System", "record 0 (operatingSystem): Operating System must be a whole number from 0 to 4294967295"],
    ["unknown version", [withChange({ version: 7 })], "PCM Version", "record 0 (version): PCM Version must be a whole number from 1 to 6"],
    ["month 13", [withChange({ displayDate: "1994-13-01T00:00:00" })], "Display Date", "record 0 (displayDate): Display Date has month 13, outside 0-12"],
    ["hour 24", [withChange({ installByDate: "1994-11-01T24:00:00" })], "Install By Date", "record 0 (installByDate): Install By Date has hour 24, outside 0-23"],
    ["all-zero date string", [withChange({ expirationDate: "0000-00-00T00:00:00" })], "Expiration Date", "record 0 (expirationDate): Expiration Date is all zeros; use null for no date"],
    ["US date format", [withChange({ expirationDate: "11/31/94 07:00:00" })], "Expiration Date", "record 0 (expirationDate): Expiration Date must look like YYYY-MM-DDTHH:MM:SS"],
    ["missing date", [withChange({ displayDate: undefined })], "Display Date", 'record 0 (displayDate): Display Date must be a "YYYY-MM-DDTHH:MM:SS" string or null'],
    ["short reserved", [withChange({ reserved: "00" })], "Reserved", "record 0 (reserved): Reserved must be exactly 64 hex digits (32 bytes)"],
    ["non-hex reserved", [withChange({ reserved: "0".repeat(63) + "G" })], "Reserved", "record 0 (reserved): Reserved must be exactly 64 hex digits (32 bytes)"],
    ["empty server path", [first, withChange({ servers: [...servers(1), { path: "", type: 2, zone: "" }] })], "Server path", "record 1 (servers[1].path): Server path must be 1 to 260 characters"],
    ["server type above u16", [withChange({ servers: [{ path: "\\\\S\\P\\", type: 65536, zone: "" }] })], "Server type", "record 0 (servers[0].type): Server type must be a whole number from 0 to 65535"],
    ["too many servers", [withChange({ servers: servers(65) })], "Server(s)", "record 0 (servers): Server(s) may list at most 64 servers"],
    ["unknown key", [{ ...first, extra: 1 }], "Record", "record 0: Record has unknown field(s): extra"],
    ["not an array", { records: [] }, "Instruction File", "Instruction File: An instruction file must be an array of records"],
    ["too many records", Array.from({ length: 1025 }, () => first), "Instruction File", "Instruction File: An instruction file may hold at most 1024 records"],
  ])("%s", (_, input, field, message) => {
    const error = captureError(() => encodeInstructionFile(input as InstructionRecord[]));
    expect(error).toBeInstanceOf(InstructionFileError);
    expect(error).toMatchObject({ field, message, code: "invalid" });
  });

  it("is a DomainError whose issue carries the dotted JSON path, like fromZodError", () => {
    const error = captureError(() => encodeInstructionFile([first, withChange({ servers: [{ path: "", type: 2, zone: "" }] })]));
    expect(isDomainError(error)).toBe(true);
    expect(error).toMatchObject({
      recordIndex: 1,
      path: [1, "servers", 0, "path"],
      issues: [{ path: "1.servers.0.path", message: "Server path must be 1 to 260 characters" }],
    });
  });

  it("refuses a file over the size cap", () => {
    const big = withChange({ runCommand: "x".repeat(1024), comments: "y".repeat(1024), servers: servers(64, "\\".repeat(260)) });
    const error = captureError(() => encodeInstructionFile(Array.from({ length: 250 }, () => big)));
    expect(error).toBeInstanceOf(InstructionFileError);
    expect(error).toMatchObject({ field: "Instruction File" });
    expect((error as Error).message).toMatch(new RegExp(`^Instruction File: \\d+ bytes exceeds the maximum ${MAX_INSTRUCTION_FILE_BYTES}$`));
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

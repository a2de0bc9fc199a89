import { describe, expect, it } from "vitest";
import { decodeInstructionFile, readInstructionFile } from "./decode";
import { lengthFieldOffsets, readGoldenBytes, readGoldenRecords } from "./fixtures/golden-fixtures";
import { InstructionFileError } from "./instruction-file-error";
import { MAX_INSTRUCTION_FILE_BYTES } from "./record";

const golden = readGoldenBytes();
const goldenRecords = readGoldenRecords();
/** Record 0 of the golden file spans bytes 8-329 (length 322); see docs/ins-format.md. */
const RECORD_0_END = 330;

function edited(edit: (bytes: Uint8Array, view: DataView) => Uint8Array | void): Uint8Array {
  const bytes = golden.slice();
  return edit(bytes, new DataView(bytes.buffer)) ?? bytes;
}
const concat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((part) => Array.from(part)));
const header = (count: number) => [0x50, 0x43, 0x4d, 0x1a, 1, 0, count & 0xff, count >> 8];

describe("decodeInstructionFile errors name the byte offset and field", () => {
  it.each<[string, Uint8Array, number, string, string]>([
    ["empty file", new Uint8Array(0), 0, "Magic", "needs 4 bytes but the file ends at byte 0"],
    ["not our magic", concat([0x4d, 0x5a, 0x90, 0], [1, 0, 0, 0]), 0, "Magic", 'expected 50 43 4D 1A ("PCM" + Ctrl-Z): not a console .INS file'],
    ["newer layout", edited((_, view) => view.setUint16(4, 2, true)), 4, "Layout Revision", "2 is not supported (this reader knows 1)"],
    ["too many records", edited((_, view) => view.setUint16(6, 5000, true)), 6, "Record Count", "5000 exceeds the maximum 1024"],
    ["header only", Uint8Array.from(header(1)), 8, "Record Length", "needs 2 bytes but the file ends at byte 8"],
    ["record shorter than its header", edited((_, view) => view.setUint16(8, 2, true)), 8, "Record Length", "2 is less than the 4-byte record header"],
    ["record shorter than the fixed part", edited((_, view) => view.setUint16(8, 50, true)), 8, "Record Length", "50 is less than the 100-byte fixed part of a record"],
    ["run command length inflated", edited((_, view) => view.setUint16(110, 65535, true)), 110, "Run Command", "length 65535 exceeds the maximum 1024"],
    ["run command past the record", edited((_, view) => view.setUint16(110, 1000, true)), 112, "Run Command", `needs 1000 bytes but the record ends at byte ${RECORD_0_END}`],
    ["control character", edited((bytes) => void (bytes[112] = 0x07)), 112, "Run Command", "byte 0x07 is not a printable Latin-1 character"],
    ["text after NUL padding", edited((bytes) => void (bytes[13] = 0)), 14, "SiteID", "byte 0x43 after the NUL padding"],
    ["month 13", edited((bytes) => void (bytes[50] = 13)), 50, "Display Date", "month 13 is outside 0-12"],
    ["year 10000", edited((_, view) => view.setUint16(52, 10000, true)), 52, "Display Date", "year 10000 is outside 0-9999"],
    ["second 60", edited((bytes) => void (bytes[56] = 60)), 56, "Display Date", "second 60 is outside 0-59"],
    ["date padding", edited((bytes) => void (bytes[57] = 1)), 57, "Display Date", "padding byte must be 0"],
    ["too many servers", edited((_, view) => view.setUint16(161, 65, true)), 161, "Server(s) Count", "65 exceeds the maximum 64"],
    ["empty server path", edited((_, view) => view.setUint16(163, 0, true)), 163, "Server(s)[0] Path", "length 0 is less than the minimum 1"],
    ["truncated in a zone", golden.slice(0, 200), 197, "Server(s)[0] Zone", "needs 28 bytes but the file ends at byte 200"],
    [
      "bytes no field claims",
      edited((bytes) => {
        const longer = concat(bytes.subarray(0, RECORD_0_END), [0x20, 0x20], bytes.subarray(RECORD_0_END));
        new DataView(longer.buffer).setUint16(8, RECORD_0_END - 8 + 2, true);
        return longer;
      }),
      RECORD_0_END,
      "Record Length",
      "2 bytes after Domain Name belong to no field",
    ],
    ["trailing bytes", concat(golden, [1, 2, 3]), golden.length, "End of File", "3 bytes after the last of 4 records"],
    ["unknown version past the end", concat(header(1), [100, 0, 99, 0]), 8, "Record Length", "record of 100 bytes runs past the end of the file at byte 12"],
    ["oversized file", new Uint8Array(MAX_INSTRUCTION_FILE_BYTES + 1), MAX_INSTRUCTION_FILE_BYTES, "Instruction File", `file is ${MAX_INSTRUCTION_FILE_BYTES + 1} bytes, more than the maximum ${MAX_INSTRUCTION_FILE_BYTES}`],
  ])("%s", (_, bytes, offset, field, detail) => {
    let caught: unknown;
    try {
      decodeInstructionFile(bytes);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InstructionFileError);
    expect(caught).toMatchObject({ code: "invalid", offset, field, detail, message: `byte ${offset}: ${field}: ${detail}` });
  });
});

describe("records of unknown versions are skipped by their length", () => {
  const record0 = golden.subarray(8, RECORD_0_END);
  const record1End = RECORD_0_END + new DataView(golden.buffer).getUint16(RECORD_0_END, true);
  const record1 = golden.subarray(RECORD_0_END, record1End);

  it("keeps the known records around a version 7 and a version 0 record", () => {
    const version7 = [10, 0, 7, 0, 1, 2, 3, 4, 5, 6];
    const version0 = [4, 0, 0, 0];
    const contents = readInstructionFile(concat(header(4), record0, version7, version0, record1));
    expect(contents.records).toEqual(goldenRecords.slice(0, 2));
    expect(contents.skippedRecords).toEqual([
      { recordIndex: 1, offset: RECORD_0_END, version: 7, byteLength: 10 },
      { recordIndex: 2, offset: RECORD_0_END + 10, version: 0, byteLength: 4 },
    ]);
  });

  it("reports no skipped records for the golden file", () => {
    expect(readInstructionFile(golden).skippedRecords).toEqual([]);
  });
});

describe("length fields", () => {
  it("finds every length and count field of the golden file", () => {
    // 1 record count + per record: length, 3 strings, server count, 2 servers x 2 strings, 3 strings.
    expect(lengthFieldOffsets(golden)).toHaveLength(1 + 4 * (1 + 3 + 1 + 4 + 3));
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readInstructionFile } from "./decode";
import { encodeInstructionFile } from "./encode";
import { lengthFieldOffsets, readGoldenBytes } from "./fixtures/golden-fixtures";
import { InstructionFileError } from "./instruction-file-error";
import { MAX_INSTRUCTION_FILE_BYTES } from "./record";
import { instructionFileSchema } from "./schema";

const golden = readGoldenBytes();

/**
 * Untrusted bytes either decode to records that are themselves valid (and re-encode to the same bytes
 * when nothing was skipped) or throw InstructionFileError with an offset inside the file: nothing else.
 * How long a hostile file takes is a speed figure, not an assertion: scripts/bench/decode-fuzz.mts
 * prints the slowest decode beside its floor (a wall-clock budget here failed on a loaded machine).
 */
function expectDecodesOrFailsCleanly(bytes: Uint8Array): void {
  try {
    const { records, skippedRecords } = readInstructionFile(bytes);
    expect(instructionFileSchema.safeParse(records).success).toBe(true);
    if (skippedRecords.length === 0) expect(encodeInstructionFile(records)).toEqual(bytes);
  } catch (error) {
    if (!(error instanceof InstructionFileError)) throw error;
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThanOrEqual(Math.max(bytes.length, MAX_INSTRUCTION_FILE_BYTES));
    expect(error.field).not.toBe("");
    expect(error.message).toMatch(/^byte \d+: \S/);
  }
}

const withHeader = (count: number, body: Uint8Array) =>
  Uint8Array.from([0x50, 0x43, 0x4d, 0x1a, 1, 0, count & 0xff, count >> 8, ...body]);

describe("fuzzing the decoder", () => {
  it("survives random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), expectDecodesOrFailsCleanly), { numRuns: 3000 });
  });

  it("survives random record bodies behind a valid header", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1100 }), fc.uint8Array({ maxLength: 4096 }), (count, body) =>
        expectDecodesOrFailsCleanly(withHeader(count, body)),
      ),
      { numRuns: 3000 },
    );
  });

  it("survives bit flips in the golden file", () => {
    const flips = fc.array(fc.tuple(fc.nat({ max: golden.length - 1 }), fc.nat({ max: 7 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(flips, (positions) => {
        const bytes = golden.slice();
        for (const [offset, bit] of positions) bytes[offset] = (bytes[offset] ?? 0) ^ (1 << bit);
        expectDecodesOrFailsCleanly(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it("survives truncated and extended golden files", () => {
    fc.assert(
      fc.property(fc.nat({ max: golden.length }), fc.uint8Array({ maxLength: 512 }), (keep, extra) =>
        expectDecodesOrFailsCleanly(Uint8Array.from([...golden.subarray(0, keep), ...extra])),
      ),
      { numRuns: 2000 },
    );
  });

  it("survives inflated or shrunk length fields", () => {
    const offsets = lengthFieldOffsets(golden);
    const value = fc.oneof(fc.constantFrom(0, 1, 3, 4, 99, 100, 0x7fff, 0x8000, 0xfffe, 0xffff), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.constantFrom(...offsets), value, (offset, newLength) => {
        const bytes = golden.slice();
        new DataView(bytes.buffer).setUint16(offset, newLength, true);
        expectDecodesOrFailsCleanly(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it("fails at every truncation point with an offset and a field", () => {
    for (let length = 0; length < golden.length; length++) {
      let caught: unknown;
      try {
        readInstructionFile(golden.subarray(0, length));
      } catch (error) {
        caught = error;
      }
      expect(caught, `truncated to ${length} bytes`).toBeInstanceOf(InstructionFileError);
      const error = caught as InstructionFileError;
      expect(error.offset).toBeLessThanOrEqual(length);
      expect(error.field).toMatch(/\S/);
      expect(error.message).toMatch(new RegExp(`^byte ${error.offset}: ${error.field.replace(/[()[\]]/g, "\\$&")}: `));
    }
  });

  it("decodes a maximum-size file of garbage quickly", () => {
    const bytes = new Uint8Array(MAX_INSTRUCTION_FILE_BYTES);
    bytes.set([0x50, 0x43, 0x4d, 0x1a, 1, 0, 0x00, 0x04]);
    for (let offset = 8; offset < bytes.length; offset += 4) bytes.set([0x04, 0x00, 0x07, 0x00], offset);
    // 1024 records of unknown version 7, then a long tail nobody claims.
    expectDecodesOrFailsCleanly(bytes);
  });
});

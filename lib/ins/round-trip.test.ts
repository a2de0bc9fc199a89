import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInstructionFile } from "./decode";
import { encodeInstructionFile } from "./encode";
import { instructionRecordArbitrary } from "./instruction-record-arbitrary";
import { instructionFileSchema } from "./schema";

describe("round trip", () => {
  it("decode(encode(records)) deep-equals records", () => {
    fc.assert(
      fc.property(fc.array(instructionRecordArbitrary, { maxLength: 6 }), (records) => {
        expect(decodeInstructionFile(encodeInstructionFile(records))).toEqual(records);
      }),
      { numRuns: 500 },
    );
  });

  it("encoding is canonical: re-encoding decoded bytes gives the same bytes", () => {
    fc.assert(
      fc.property(fc.array(instructionRecordArbitrary, { maxLength: 3 }), (records) => {
        const bytes = encodeInstructionFile(records);
        expect(encodeInstructionFile(decodeInstructionFile(bytes))).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it("every generated record passes the schema the CLI validates with", () => {
    fc.assert(
      fc.property(fc.array(instructionRecordArbitrary, { maxLength: 3 }), (records) => {
        expect(instructionFileSchema.safeParse(records).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

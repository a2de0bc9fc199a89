import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEncodableFile } from "./fast-check-record";
import kbRecords from "./fixtures/mdm00005.json";
import { instructionRecordArbitrary } from "./instruction-record-arbitrary";
import { instructionFileSchema } from "./schema";

/** Mutations that break one rule of the schema each. */
const MUTATIONS: ((record: Record<string, unknown>) => void)[] = [
  (record) => (record.siteId = "BPCX"),
  (record) => (record.version = 7),
  (record) => (record.installFlag = -1),
  (record) => (record.installByDate = "1994-13-01T00:00:00"),
  (record) => (record.displayDate = "00/00/00"),
  (record) => (record.operatingSystem = 2 ** 32),
  (record) => (record.runCommand = "x".repeat(1025)),
  (record) => (record.comments = "tab\there"),
  (record) => (record.servers = [{ path: "", type: 2, zone: "" }]),
  (record) => (record.servers = [{ path: "\\\\A\\B\\", type: 2, zone: "", extra: 1 }]),
  (record) => (record.reserved = "00"),
  (record) => (record.reserved = "0".repeat(63) + "G"),
  (record) => (record.unknown = true),
  (record) => delete record.domainName,
  (record) => (record.wclName = 5),
];

describe("isEncodableFile agrees with the instruction file schema", () => {
  it("accepts the KB records and any valid generated record", () => {
    expect(isEncodableFile(kbRecords)).toBe(true);
    fc.assert(fc.property(fc.array(instructionRecordArbitrary, { maxLength: 4 }), (records) => isEncodableFile(records) === instructionFileSchema.safeParse(records).success));
  });

  it.each(MUTATIONS.map((mutate, index) => [index, mutate] as const))("refuses mutation %i exactly when the schema does", (_index, mutate) => {
    const record = structuredClone(kbRecords[0]) as Record<string, unknown>;
    mutate(record);
    expect(isEncodableFile([record])).toBe(false);
    expect(instructionFileSchema.safeParse([record]).success).toBe(false);
  });
});

import fc from "fast-check";
import {
  FIXED_FIELD_WIDTHS,
  MAX_SERVERS_PER_RECORD,
  MAX_UINT16,
  MAX_UINT32,
  SERVER_PATH_MAX_LENGTH,
  SERVER_ZONE_MAX_LENGTH,
  TEXT_FIELD_MAX_LENGTHS,
  type InstructionRecord,
  type InstructionServer,
} from "./record";
import { STORED_DATE_RANGES, storedDateText } from "./stored-date";

/** Test-only fast-check generators of valid records: every value the schema accepts can come up. */

const PRINTABLE_ASCII_COUNT = 0x7e - 0x20 + 1;
const printableLatin1Char = fc
  .integer({ min: 0, max: PRINTABLE_ASCII_COUNT + (0xff - 0xa0) })
  .map((index) => (index < PRINTABLE_ASCII_COUNT ? 0x20 + index : 0xa0 + (index - PRINTABLE_ASCII_COUNT)))
  .map((code) => String.fromCharCode(code));

/** Mostly short strings, sometimes up to the field's maximum, so limits get exercised too. */
function latin1Text(maxLength: number, minLength = 0): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: printableLatin1Char, minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: printableLatin1Char, minLength, maxLength, size: "max" }) },
  );
}

const component = (name: keyof typeof STORED_DATE_RANGES) => {
  const [min, max] = STORED_DATE_RANGES[name];
  return fc.integer({ min, max });
};

export const storedDateArbitrary: fc.Arbitrary<string | null> = fc.oneof(
  fc.constant(null),
  fc
    .record({
      year: component("year"),
      month: component("month"),
      day: component("day"),
      hour: component("hour"),
      minute: component("minute"),
      second: component("second"),
    })
    .map(storedDateText),
);

const uint16 = fc.integer({ min: 0, max: MAX_UINT16 });

export const instructionServerArbitrary: fc.Arbitrary<InstructionServer> = fc.record({
  path: latin1Text(SERVER_PATH_MAX_LENGTH, 1),
  type: fc.oneof(fc.integer({ min: 1, max: 7 }), uint16),
  zone: fc.oneof(fc.constant(""), latin1Text(SERVER_ZONE_MAX_LENGTH)),
});

export const instructionRecordArbitrary: fc.Arbitrary<InstructionRecord> = fc.record({
  version: fc.integer({ min: 1, max: 6 }),
  siteId: latin1Text(FIXED_FIELD_WIDTHS.siteId),
  requestId: latin1Text(FIXED_FIELD_WIDTHS.requestId),
  packageId: latin1Text(FIXED_FIELD_WIDTHS.packageId),
  jobId: latin1Text(FIXED_FIELD_WIDTHS.jobId),
  installFlag: uint16,
  installByDate: storedDateArbitrary,
  installByFull: uint16,
  displayDate: storedDateArbitrary,
  displayFull: uint16,
  expirationDate: storedDateArbitrary,
  expirationFull: uint16,
  userInputFlags: uint16,
  operatingSystem: fc.integer({ min: 0, max: MAX_UINT32 }),
  diskUsage: latin1Text(TEXT_FIELD_MAX_LENGTHS.diskUsage),
  runCommand: latin1Text(TEXT_FIELD_MAX_LENGTHS.runCommand),
  wclName: latin1Text(TEXT_FIELD_MAX_LENGTHS.wclName),
  servers: fc.oneof(
    { weight: 9, arbitrary: fc.array(instructionServerArbitrary, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(instructionServerArbitrary, { maxLength: MAX_SERVERS_PER_RECORD, size: "max" }) },
  ),
  packageName: latin1Text(TEXT_FIELD_MAX_LENGTHS.packageName),
  comments: latin1Text(TEXT_FIELD_MAX_LENGTHS.comments),
  domainName: latin1Text(TEXT_FIELD_MAX_LENGTHS.domainName),
  reserved: fc
    .uint8Array({ minLength: 32, maxLength: 32 })
    .map((bytes) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")),
});

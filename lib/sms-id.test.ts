import { describe, expect, it } from "vitest";
import { creatingSiteOf, formatJobId, formatPackageId, formatRequestId, fromBase36, isReservedSiteCode, sequenceOf, SITE_CODE_PATTERN, toBase36 } from "./sms-id";

describe("site codes (Q122179, Q182420)", () => {
  it.each(["BPC", "GBL", "S01", "768", "ABC"])("accepts %s", (code) => {
    expect(SITE_CODE_PATTERN.test(code)).toBe(true);
    expect(isReservedSiteCode(code)).toBe(false);
  });
  it.each(["BP", "BPCX", "bpc", "B-C"])("refuses the shape of %s", (code) => expect(SITE_CODE_PATTERN.test(code)).toBe(false));
  it.each(["CON", "PRN", "AUX", "NUL", "con"])("refuses the reserved device name %s", (code) => expect(isReservedSiteCode(code)).toBe(true));
});

describe("base 36", () => {
  it.each([
    [0, 5, "00000"],
    [10, 5, "0000A"],
    [35, 1, "Z"],
    [36, 2, "10"],
    [36 ** 5 - 1, 5, "ZZZZZ"],
  ])("writes %i in %i characters as %s", (value, width, text) => {
    expect(toBase36(value, width)).toBe(text);
    expect(fromBase36(text)).toBe(value);
  });
  it("refuses a number that does not fit", () => expect(() => toBase36(36 ** 5, 5)).toThrow(RangeError));
  it("refuses negative and fractional numbers", () => {
    expect(() => toBase36(-1, 5)).toThrow(RangeError);
    expect(() => toBase36(1.5, 5)).toThrow(RangeError);
  });
  it("refuses lower case and other characters", () => expect(() => fromBase36("0a")).toThrow(RangeError));
});

describe("IDs allocated by a site", () => {
  it("formats the KB's package, job and request IDs", () => {
    expect(formatPackageId("BPC", 10)).toBe("BPC0000A");
    expect(formatPackageId("GBL", 0x25)).toBe("GBL00011");
    expect(formatJobId("BPC", 10 * 36 + 10)).toBe("BPC000AA");
    expect(formatRequestId("BPC", 36 + 22)).toBe("BPC001M");
  });
  it("reads a sequence back only for the site that allocated it", () => {
    expect(sequenceOf("BPC0000A", "BPC")).toBe(10);
    expect(sequenceOf("GBL00015", "BPC")).toBeNull();
  });
  it("takes the creating site from an SMS ID (Q127052)", () => expect(creatingSiteOf("MDM00005")).toBe("MDM"));
});

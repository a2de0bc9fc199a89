/**
 * SMS 1.x identifiers (digest §2.1). All are upper-case base 36: digits 0-9 then A-Z (Q127052).
 */
export const BASE36_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Site codes that cannot name a directory on Windows (Q182420). */
export const RESERVED_SITE_CODES = ["CON", "PRN", "AUX", "NUL"] as const;

export const SITE_CODE_PATTERN = /^[A-Z0-9]{3}$/;
export const SMS_ID_PATTERN = /^[A-Z0-9]{8}$/;
/** Package and job IDs: the allocating site's code plus five base-36 characters. */
export const PACKAGE_ID_PATTERN = /^[A-Z0-9]{8}$/;
export const JOB_ID_PATTERN = /^[A-Z0-9]{8}$/;
/** Request IDs are seven characters in every KB example (BPC001M, GBL00B9, BP0000Y). */
export const REQUEST_ID_PATTERN = /^[A-Z0-9]{7}$/;

export function isReservedSiteCode(code: string): boolean {
  return (RESERVED_SITE_CODES as readonly string[]).includes(code.toUpperCase());
}

/** Writes a non-negative integer as base 36, left-padded to `width` characters. */
export function toBase36(value: number, width: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a base-36 number: ${value}`);
  const text = value.toString(36).toUpperCase();
  if (text.length > width) throw new RangeError(`${value} does not fit in ${width} base-36 characters`);
  return text.padStart(width, "0");
}

export function fromBase36(text: string): number {
  if (!/^[0-9A-Z]+$/.test(text)) throw new RangeError(`not base 36: "${text}"`);
  return parseInt(text, 36);
}

/** The largest number a site can allocate in a suffix of `width` base-36 characters. */
export function maxSequence(width: number): number {
  return 36 ** width - 1;
}

/** Package IDs: site code + 5 base-36 characters, e.g. BPC0000A. */
export function formatPackageId(siteCode: string, sequence: number): string {
  return siteCode + toBase36(sequence, 5);
}

/** Job IDs: site code + 5 base-36 characters, e.g. BPC000AA. */
export function formatJobId(siteCode: string, sequence: number): string {
  return siteCode + toBase36(sequence, 5);
}

/** Request IDs: site code + 4 base-36 characters, e.g. BPC001M. */
export function formatRequestId(siteCode: string, sequence: number): string {
  return siteCode + toBase36(sequence, 4);
}

/** The sequence number behind an ID allocated by `siteCode`, or null when another site allocated it. */
export function sequenceOf(id: string, siteCode: string): number | null {
  if (!id.startsWith(siteCode)) return null;
  const suffix = id.slice(siteCode.length);
  return /^[0-9A-Z]+$/.test(suffix) ? fromBase36(suffix) : null;
}

/** The creating site's code is the first three characters of an SMS ID (Q127052). */
export function creatingSiteOf(smsId: string): string {
  return smsId.slice(0, 3);
}

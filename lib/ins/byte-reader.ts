import { InstructionFileError } from "./instruction-file-error";
import { isPrintableLatin1Byte } from "./record";

/**
 * Bounds-checked little-endian reads over untrusted bytes. Every read names its field, so a short or
 * garbled file fails with "byte N: Field: what is wrong" instead of a RangeError from DataView.
 */
export class ByteReader {
  position: number;
  private limit: number;
  private limitReason: string;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.position = 0;
    this.limit = bytes.length;
    this.limitReason = "the file ends";
  }

  /** Confine reads to [position, end): the record's declared length, or the file's end if that is sooner. */
  enterRecord(end: number): void {
    const isTruncated = end > this.bytes.length;
    this.limit = Math.min(end, this.bytes.length);
    this.limitReason = isTruncated ? "the file ends" : "the record ends";
  }

  leaveRecord(): void {
    this.limit = this.bytes.length;
    this.limitReason = "the file ends";
  }

  get fileLength(): number {
    return this.bytes.length;
  }

  fail(field: string, detail: string, offset = this.position): never {
    throw new InstructionFileError(detail, { field, offset });
  }

  private need(field: string, count: number, offset = this.position): void {
    if (offset + count > this.limit) {
      this.fail(field, `needs ${count} bytes but ${this.limitReason} at byte ${this.limit}`, offset);
    }
  }

  u8(field: string): number {
    this.need(field, 1);
    return this.view.getUint8(this.position++);
  }

  u16(field: string): number {
    this.need(field, 2);
    const value = this.view.getUint16(this.position, true);
    this.position += 2;
    return value;
  }

  u32(field: string): number {
    this.need(field, 4);
    const value = this.view.getUint32(this.position, true);
    this.position += 4;
    return value;
  }

  raw(field: string, count: number): Uint8Array {
    this.need(field, count);
    const slice = this.bytes.subarray(this.position, this.position + count);
    this.position += count;
    return slice;
  }

  /** A NUL-padded fixed-width field; text after the first NUL would not survive a round trip, so it is an error. */
  fixedText(field: string, width: number): string {
    const start = this.position;
    const slice = this.raw(field, width);
    let length = slice.indexOf(0);
    if (length === -1) length = width;
    for (let index = length; index < width; index++) {
      if (slice[index] !== 0) this.fail(field, `byte 0x${hex(slice[index] ?? 0)} after the NUL padding`, start + index);
    }
    return latin1(field, slice.subarray(0, length), start, this);
  }

  /** A u16 length then that many Latin-1 bytes. */
  countedText(field: string, maxLength: number, minLength = 0): string {
    const start = this.position;
    const length = this.u16(field);
    if (length > maxLength) this.fail(field, `length ${length} exceeds the maximum ${maxLength}`, start);
    if (length < minLength) this.fail(field, `length ${length} is less than the minimum ${minLength}`, start);
    const textStart = this.position;
    return latin1(field, this.raw(field, length), textStart, this);
  }
}

function latin1(field: string, slice: Uint8Array, start: number, reader: ByteReader): string {
  for (let index = 0; index < slice.length; index++) {
    const byte = slice[index] ?? 0;
    if (!isPrintableLatin1Byte(byte)) {
      reader.fail(field, `byte 0x${hex(byte)} is not a printable Latin-1 character`, start + index);
    }
  }
  return String.fromCharCode(...slice);
}

export function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, "0");
}

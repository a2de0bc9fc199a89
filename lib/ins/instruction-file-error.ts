import { DomainError } from "../errors";

/** Where a problem sits: a byte offset when decoding, a record index (0-based, as in the JSON array) when encoding. */
export interface InstructionFileErrorLocation {
  /** The record field or structure the problem is in, in PCMDUMP's words (e.g. "Run Command", "Record Length"). */
  field: string;
  /** Byte offset into the file where the offending field starts (decoding only). */
  offset?: number;
  /** 0-based record index, the same number as in the JSON path. */
  recordIndex?: number;
  /** JSON path of the offending value when the error came from schema validation (encoding only). */
  path?: readonly (string | number)[];
}

/**
 * A .INS file (or the records meant for one) that the codec cannot accept. It is a DomainError
 * ("invalid"), so actions, route handlers and the CLI map it like any other expected failure.
 */
export class InstructionFileError extends DomainError {
  readonly field: string;
  readonly offset: number | undefined;
  readonly recordIndex: number | undefined;
  readonly path: readonly (string | number)[] | undefined;
  /** The problem without the location prefix, e.g. "length 70000 exceeds the maximum 1024". */
  readonly detail: string;

  constructor(detail: string, location: InstructionFileErrorLocation) {
    // Encoding issues carry the dotted JSON path (as fromZodError does) so a form can show them by field.
    const issues = location.path?.length ? [{ path: location.path.join("."), message: detail }] : [];
    super("invalid", composeMessage(detail, location), issues);
    this.name = "InstructionFileError";
    this.detail = detail;
    this.field = location.field;
    this.offset = location.offset;
    this.recordIndex = location.recordIndex;
    this.path = location.path;
  }
}

function composeMessage(detail: string, location: InstructionFileErrorLocation): string {
  // Schema messages already start with the field's name ("Run Command must be ..."); don't say it twice.
  const subject = detail.startsWith(location.field) ? detail : `${location.field}: ${detail}`;
  if (location.offset !== undefined) return `byte ${location.offset}: ${subject}`;
  if (location.recordIndex !== undefined) {
    const key = jsonKey(location.path?.slice(1) ?? []);
    return `record ${location.recordIndex}${key ? ` (${key})` : ""}: ${subject}`;
  }
  return subject;
}

/** ["servers", 1, "path"] → "servers[1].path" */
function jsonKey(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    "",
  );
}

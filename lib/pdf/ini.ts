import type { DefinitionProblem } from "./definition";

/** Bounds on what one PDF may make the parser do; the KB's PDFs are a few kilobytes and a dozen sections. */
export const MAX_PDF_BYTES = 256 * 1024;
export const MAX_PDF_SECTIONS = 500;
export const MAX_PDF_LINE_LENGTH = 4096;

export interface IniEntry {
  key: string;
  value: string;
  line: number;
}

export interface IniSection {
  name: string;
  line: number;
  entries: IniEntry[];
}

export type IniResult = { ok: true; sections: IniSection[]; problems: DefinitionProblem[] } | { ok: false; problems: DefinitionProblem[] };

/**
 * Splits a PDF into sections and keys, as GetPrivateProfileString reads an INI file: names are
 * compared without case, ";" starts a comment line, the first of two equal keys wins. Lines with
 * no "=" after a value that ends in a comma are the value's wrapped continuation (Q135584's PDF
 * wraps SupportedPlatforms so); other such lines are reported and ignored.
 */
export function readIni(bytes: Uint8Array | string): IniResult {
  const size = typeof bytes === "string" ? bytes.length : bytes.byteLength;
  if (size > MAX_PDF_BYTES) return refused(tooLargeMessage(size));
  const text = typeof bytes === "string" ? bytes : latin1(bytes);
  // Windows INI files are single-byte text: NUL or other control characters mean this is not one.
  // Ctrl-Z (0x1A) is the old end-of-file mark some editors still wrote.
  const binaryAt = text.search(/[\x00-\x08\x0b\x0c\x0e-\x19\x1b-\x1f\x7f]|[^\x00-\xff]/);
  if (binaryAt >= 0) {
    const line = text.slice(0, binaryAt).split("\n").length;
    return refused(`The file is not text (a control or non-Latin-1 character on line ${line}); a Package Definition File is an INI text file`, line);
  }
  const lines = text.replace(/\x1a[\s\S]*$/, "").split(/\r\n|\r|\n/);
  const sections: IniSection[] = [];
  const problems: DefinitionProblem[] = [];
  let current: IniSection | null = null;
  let continued: IniEntry | null = null;
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (raw.length > MAX_PDF_LINE_LENGTH) return refused(`Line ${line} is ${raw.length} characters long; lines may be at most ${MAX_PDF_LINE_LENGTH}`, line);
    const content = raw.trim();
    if (content === "" || content.startsWith(";")) continue;
    if (content.startsWith("[")) {
      continued = null;
      const close = content.indexOf("]");
      if (close < 0) {
        problems.push({ line, severity: "error", message: `Section header "${clip(content)}" has no closing "]"` });
        current = null;
        continue;
      }
      if (sections.length >= MAX_PDF_SECTIONS) return refused(`The file has more than ${MAX_PDF_SECTIONS} sections; a Package Definition File needs a few dozen at most`, line);
      current = { name: content.slice(1, close).trim(), line, entries: [] };
      sections.push(current);
      continue;
    }
    const equals = content.indexOf("=");
    if (equals < 0) {
      if (continued) {
        continued.value = `${continued.value} ${content}`;
        problems.push({ line, severity: "warning", message: `"${clip(content)}" continues ${continued.key} from line ${continued.line} (a wrapped line; Windows reads only line ${continued.line})` });
      } else {
        problems.push({ line, severity: "warning", message: `"${clip(content)}" is not a key=value line and is ignored` });
      }
      continue;
    }
    const entry = { key: content.slice(0, equals).trim(), value: content.slice(equals + 1).trim(), line };
    if (!current) {
      problems.push({ line, severity: "warning", message: `${clip(entry.key)}= comes before any section and is ignored` });
      continue;
    }
    current.entries.push(entry);
    continued = entry.value.endsWith(",") ? entry : null;
  }
  return { ok: true, sections, problems };
}

/** Also said before an upload is read, when its size alone rules it out. */
export function tooLargeMessage(size: number): string {
  return `The file is ${formatSize(size)}; a Package Definition File may be at most ${formatSize(MAX_PDF_BYTES)}`;
}

function refused(message: string, line = 0): IniResult {
  return { ok: false, problems: [{ line, severity: "error", message }] };
}

function latin1(bytes: Uint8Array): string {
  let text = "";
  // Chunks keep String.fromCharCode's argument count bounded.
  for (let start = 0; start < bytes.length; start += 8192) text += String.fromCharCode(...bytes.subarray(start, start + 8192));
  return text;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Quotes of the file's own text stay short in messages. */
export function clip(text: string, length = 60): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

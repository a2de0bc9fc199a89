/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, quote, CR or LF in double
 * quotes, quotes doubled), made safe to open in a spreadsheet: a cell beginning with = + - @ TAB
 * or CR would be read as a formula, so it gets a leading single quote (OWASP "CSV Injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/**
 * The audit export's columns, in order; `at` is UTC ISO 8601. `repeats` counts the events a row
 * stands for (repeated anonymous refusals share a row), the last of them at `lastAt`.
 */
export const AUDIT_CSV_COLUMNS = ["id", "at", "actorName", "actorRole", "actorUserId", "address", "action", "outcome", "objectType", "objectId", "detail", "before", "after", "repeats", "lastAt"] as const;

export type AuditCsvRecord = Record<(typeof AUDIT_CSV_COLUMNS)[number], string | number | null>;

export function auditCsvHeader(): string {
  return csvRow(AUDIT_CSV_COLUMNS);
}

export function auditCsvRow(record: AuditCsvRecord): string {
  return csvRow(AUDIT_CSV_COLUMNS.map((column) => record[column]));
}

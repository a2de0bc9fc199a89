import { z } from "zod";

/**
 * Field builders shared by every input schema, so a form post, a JSON document and a CLI argument
 * parse the same way and every message names its field in the user's words.
 */

/** A check box: "on"/"true" from a form, or a JSON boolean. An absent box is false. */
export function checkbox(label: string) {
  return z.preprocess(
    (value) => (value === "on" || value === "true" ? true : value === undefined || value === "" || value === "false" ? false : value),
    z.boolean({ error: `${label} must be ticked (true) or not (false)` }),
  );
}

/** A tri-state choice: "" from a form or an absent key means "not set". */
export function optionalBoolean(label: string) {
  return z.preprocess(
    (value) => (value === "true" ? true : value === "false" ? false : value === "" || value === null ? undefined : value),
    z.boolean({ error: `${label} must be yes, no or not set` }).optional(),
  );
}

export function wholeNumber(label: string, bounds: { min: number; max: number }) {
  const range = `${label} must be a whole number from ${bounds.min} to ${bounds.max}`;
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value === "" ? undefined : value),
    z
      .number({ error: (issue) => (issue.input === undefined ? `${label} is required` : range) })
      .int({ error: range })
      .min(bounds.min, { error: range })
      .max(bounds.max, { error: range }),
  );
}

/** Printable Latin-1: what an instruction file's text fields can hold (docs/ins-format.md). */
const INSTRUCTION_TEXT_PATTERN = /^[\x20-\x7e\xa0-\xff\r\n\t]*$/;

/** Text that ends up in clients' instruction files: refused when the file could not hold it. */
export function instructionText<T extends z.ZodString | z.ZodDefault<z.ZodString>>(schema: T, label: string) {
  return schema.refine((value) => INSTRUCTION_TEXT_PATTERN.test(value ?? ""), {
    error: `${label} may only use characters an instruction file can hold (printable Latin-1)`,
  });
}

/** No form sends a NUL character, and PostgreSQL cannot store one in text: refused by name. */
const hasNoNul = (value: string) => !value.includes("\u0000");

export function requiredText(label: string, maxLength: number) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(maxLength, { error: `${label} must be at most ${maxLength} characters` })
    .refine(hasNoNul, { error: `${label} may not contain a NUL character` });
}

/** Free text that may be empty; stored as "" rather than null. */
export function text(label: string, maxLength: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(maxLength, { error: `${label} must be at most ${maxLength} characters` })
    .refine(hasNoNul, { error: `${label} may not contain a NUL character` })
    .default("");
}

/** An optional reference or value: "" from a form means absent. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label} must be one of ${values.join(", ")}` });
}

/** The optimistic-concurrency version a form was rendered with. */
export const recordVersionSchema = wholeNumber("Record version", { min: 1, max: 2 ** 31 - 1 });

/** A list page number from the query string; anything unusable means the first page. */
export const pageNumberSchema = wholeNumber("Page", { min: 1, max: 1_000_000 }).catch(1);

import type { z } from "zod";
import { asDomainError } from "./errors";

/**
 * What a form's server action returns: nothing yet, or a refusal with an error per field (keyed by
 * the field's dotted name) and the submitted values, so the form shows them again.
 */
export type ActionState =
  | { status: "idle" }
  | { status: "success"; message: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string>; values: Record<string, unknown> };

export const IDLE: ActionState = { status: "idle" };

function dottedPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

export function fromZodError(error: z.ZodError, values: Record<string, unknown>): ActionState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = dottedPath(issue.path) || "form";
    fieldErrors[name] ??= issue.message;
  }
  const count = Object.keys(fieldErrors).length;
  return { status: "error", message: `Please correct ${count === 1 ? "the field" : `the ${count} fields`} marked below.`, fieldErrors, values };
}

/**
 * Expected failures (conflict, in use, unknown reference) and database faults (disk full, lock
 * held) become form state, the submitted values kept; bugs are rethrown.
 */
export function fromDomainError(error: unknown, values: Record<string, unknown>): ActionState {
  const domainError = asDomainError(error);
  if (!domainError) throw error;
  const fieldErrors = Object.fromEntries(domainError.issues.map((issue) => [issue.path, issue.message]));
  return { status: "error", message: domainError.message, fieldErrors, values };
}

/**
 * Arguments bound to a server action travel through the browser and can be altered there, so each
 * action checks them before use; a bad one is refused like any other bad input.
 */
export function isValidBoundArgument(pattern: RegExp, value: unknown): value is string {
  // No ID or name holds a control character; PostgreSQL cannot even compare a NUL.
  return typeof value === "string" && !CONTROL_CHARACTER.test(value) && pattern.test(value);
}

const CONTROL_CHARACTER = /[\x00-\x1f\x7f]/;

export function refusedArgument(what: string): ActionState {
  return { status: "error", message: `${what} is not valid; reload the page`, fieldErrors: {}, values: {} };
}

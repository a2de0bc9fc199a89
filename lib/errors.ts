import { databaseFaultOf } from "./database-faults";

/** Expected failures of the domain and the data layer, mapped once to form state, HTTP status or CLI exit code. */
export type DomainErrorCode = "not_found" | "conflict" | "in_use" | "invalid" | "exhausted" | "unauthenticated" | "forbidden" | "throttled" | "unavailable";

export interface FieldIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly issues: readonly FieldIssue[];

  constructor(code: DomainErrorCode, message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.issues = issues;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export const HTTP_STATUS_OF: Record<DomainErrorCode, number> = {
  not_found: 404,
  conflict: 409,
  in_use: 409,
  invalid: 400,
  exhausted: 409,
  unauthenticated: 401,
  forbidden: 403,
  throttled: 429,
  unavailable: 503,
};

/**
 * An error as the user should hear it: a DomainError as it is, a database fault (disk full, lock
 * held, read-only, damaged, unreachable) as one clear "unavailable" message, anything else null (a bug).
 * The one place actions, route handlers and the CLI turn errors into messages.
 */
export function asDomainError(error: unknown): DomainError | null {
  if (isDomainError(error)) return error;
  const fault = databaseFaultOf(error);
  return fault ? new DomainError("unavailable", fault.message) : null;
}

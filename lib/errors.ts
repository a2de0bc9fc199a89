/** Expected failures of the domain and the data layer, mapped once to form state, HTTP status or CLI exit code. */
export type DomainErrorCode = "not_found" | "conflict" | "in_use" | "invalid" | "exhausted" | "unauthenticated" | "forbidden" | "throttled";

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
};

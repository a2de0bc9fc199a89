/** Route segment [userId]: an ID as createUser makes them (a UUID) or Better Auth does, else the page is not found. */
const USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function parseUserId(segment: string): string | null {
  return USER_ID_PATTERN.test(segment) ? segment : null;
}

export function isUserId(value: unknown): value is string {
  return typeof value === "string" && USER_ID_PATTERN.test(value);
}

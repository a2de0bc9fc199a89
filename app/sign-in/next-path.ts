/** Only a path on this console: an absolute or protocol-relative URL would be an open redirect. */
export function safeNext(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && !value.startsWith("/sign-in") && !value.startsWith("/change-password") ? value : "/";
}

/** The page a user with an administrator's password is sent to, and back to `next` once it is changed. */
export function passwordChangeHref(next: unknown): string {
  const target = safeNext(next);
  return target === "/" ? "/change-password" : `/change-password?next=${encodeURIComponent(target)}`;
}

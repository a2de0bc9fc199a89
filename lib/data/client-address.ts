// Request facts read without loading Better Auth: auth-server.ts re-exports them.

/** Sessions end 12 hours after sign-in whatever happens, or after 30 minutes without a request. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const SESSION_IDLE_SECONDS = 30 * 60;

/**
 * The client's address, for the sign-in limit, sessions and the audit trail. Next.js sets
 * X-Forwarded-For to the socket's address only when a request has none, and proxies append to it,
 * so only entries added by our own proxies can be trusted: the one SMS_TRUSTED_PROXY_HOPS from the
 * right (default 1: the nearest hop, Next itself or one reverse proxy that appends). Entries further
 * left are whatever the client sent.
 */
export function clientAddress(headers: Headers): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const hops = Math.max(1, Number.parseInt(process.env.SMS_TRUSTED_PROXY_HOPS ?? "1", 10) || 1);
  return entries[Math.max(0, entries.length - hops)] ?? null;
}

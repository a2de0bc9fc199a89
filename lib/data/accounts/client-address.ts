// Request facts read without loading Better Auth: auth-server.ts re-exports them.
import { normalisedAddress, socketAddressOf } from "@/lib/security/socket-address";

/** Sessions end 12 hours after sign-in whatever happens, or after 30 minutes without a request. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const SESSION_IDLE_SECONDS = 30 * 60;

/**
 * The client's address, for the sign-in limit, sessions and the audit trail. By default it is the
 * address of the connection (stamped by the server, lib/security/socket-address.ts): any
 * X-Forwarded-For is the client's own word. Behind reverse proxies, SMS_TRUSTED_PROXY_HOPS=N says how
 * many of them append to X-Forwarded-For; the client is the entry N from the right, since entries
 * further left are whatever the client sent.
 */
export function clientAddress(headers: Headers): string | null {
  const hops = trustedProxyHops();
  if (hops === 0) return socketAddressOf(headers);
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const entry = entries[Math.max(0, entries.length - hops)];
  return entry ? normalisedAddress(entry) : socketAddressOf(headers);
}

/** SMS_TRUSTED_PROXY_HOPS as a count; unset, empty or not a positive whole number is 0 (no proxy trusted). */
export function trustedProxyHops(): number {
  const setting = process.env.SMS_TRUSTED_PROXY_HOPS?.trim() ?? "";
  return /^[1-9]\d?$/.test(setting) ? Number(setting) : 0;
}

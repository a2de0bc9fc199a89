import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import { contentSecurityPolicy, malformedRequestReason, STATIC_SECURITY_HEADERS } from "./headers";

/**
 * The address of the connection a request came in on. Next.js gives route handlers, server actions
 * and the proxy only the request's headers, and it fills X-Forwarded-For from the socket only when
 * the client sent none, so without a proxy that header is whatever the client says. The server
 * process therefore stamps every request with its socket's address as it arrives (instrumentation.ts),
 * together with a token drawn when the process starts: a client can send the header too, but cannot
 * know the token, so a forged stamp reads as no address at all.
 */
export const SOCKET_ADDRESS_HEADER = "x-sms-socket-address";
export const SOCKET_STAMP_HEADER = "x-sms-socket-stamp";

const globalForStamp = globalThis as unknown as { smsSocketStamp?: string };

/** "::ffff:192.0.2.1" (an IPv4 client of a dual-stack socket) reads as 192.0.2.1. */
export function normalisedAddress(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

/**
 * A request Next.js cannot route is answered here, with the security headers: Next.js builds a fetch
 * Request for every request, and the Fetch standard forbids TRACE, so it would answer a bare 500
 * before proxy.ts runs. Malformed percent-encoding is refused here too, for paths proxy.ts skips.
 */
function refuseUnroutable(request: http.IncomingMessage, response: http.ServerResponse): boolean {
  const reason = malformedRequestReason({ method: request.method ?? "GET", pathname: (request.url ?? "/").split("?")[0]! });
  if (!reason) return false;
  response.writeHead(400, {
    ...STATIC_SECURITY_HEADERS,
    "Content-Security-Policy": contentSecurityPolicy(Buffer.from(randomUUID()).toString("base64")),
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(`Bad request: ${reason}.\n`);
  return true;
}

/**
 * Stamps every request this process's HTTP servers receive from now on, and refuses the ones Next.js
 * cannot route; once per process.
 */
export function stampSocketAddresses(): void {
  if (globalForStamp.smsSocketStamp) return;
  const token = randomBytes(18).toString("base64url");
  globalForStamp.smsSocketStamp = token;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function emitStamped(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (refuseUnroutable(request, response)) return true;
      request.headers[SOCKET_ADDRESS_HEADER] = normalisedAddress(request.socket.remoteAddress ?? "");
      request.headers[SOCKET_STAMP_HEADER] = token;
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}

/** The stamped socket address, or null when the request carries no stamp of this process. */
export function socketAddressOf(headers: Headers): string | null {
  const token = globalForStamp.smsSocketStamp;
  if (!token || headers.get(SOCKET_STAMP_HEADER) !== token) return null;
  return headers.get(SOCKET_ADDRESS_HEADER) || null;
}

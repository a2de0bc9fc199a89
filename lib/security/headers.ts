/**
 * The security headers of every response, and the same-origin rule for requests that change
 * anything. Pure functions: proxy.ts applies them, tests check them.
 */

/** A strict policy: scripts and styles only from this origin or carrying this response's nonce. */
export function contentSecurityPolicy(nonce: string, options: { isDevelopment?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server error stacks; production does not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** Methods that never change anything; every other method must come from the console's own pages. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * A request that may change something is accepted only from this console's own origin: its Origin
 * header must name the host the request was sent to (or a configured public URL). A missing Origin
 * and `Origin: null` (sandboxed frames, some redirects) are refused, as is any other site.
 */
export function checkRequestOrigin(request: { method: string; headers: Headers }, options: { publicOrigin?: string | null } = {}): OriginDecision {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { allowed: true };
  const origin = request.headers.get("origin");
  if (origin === null || origin.trim() === "") return { allowed: false, reason: "the request has no Origin header" };
  if (origin === "null") return { allowed: false, reason: "the request's Origin is null" };
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return { allowed: false, reason: "the request's Origin is not a URL" };
  }
  if (options.publicOrigin && origin.toLowerCase() === options.publicOrigin.toLowerCase()) return { allowed: true };
  const host = (request.headers.get("x-forwarded-host")?.split(",")[0] ?? request.headers.get("host") ?? "").trim().toLowerCase();
  if (host !== "" && originHost === host) return { allowed: true };
  return { allowed: false, reason: `the request comes from another origin (${origin})` };
}

/**
 * The headers proxy.ts puts on a response, for a route the proxy does not run on (the clients'
 * GET /pcmins.box/<SMS ID>.INS, kept out of it for speed). A fresh nonce each time, as the proxy's:
 * the answers are not HTML, but the policy is the same everywhere.
 */
export function securityHeadersFor(nonce: string, options: { isDevelopment?: boolean; isHttps?: boolean } = {}): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    ...STATIC_SECURITY_HEADERS,
    ...(options.isHttps ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/**
 * Requests refused before Next.js routes them, which it would otherwise answer with a bare 500:
 * TRACE (and TRACK), which the console never answers, and a path whose percent-encoding does not
 * decode (e.g. /packages/%c0, a lone byte that is not UTF-8). Null for every other request.
 */
export function malformedRequestReason(request: { method: string; pathname: string; search?: string }): string | null {
  const method = request.method.toUpperCase();
  if (method === "TRACE" || method === "TRACK") return `the ${method} method is not supported`;
  try {
    decodeURIComponent(request.pathname);
  } catch {
    return "the address has malformed percent-encoding";
  }
  return request.search ? controlCharacterInQuery(request.search) : null;
}

const CONTROL_CHARACTER = /[\x00-\x1f\x7f]/;

/**
 * No search box or filter sends a control character, nothing stored holds one, and PostgreSQL
 * cannot even compare a NUL: refused once here, for every page and route, naming the parameter.
 */
function controlCharacterInQuery(search: string): string | null {
  for (const [name, value] of new URLSearchParams(search)) {
    if (CONTROL_CHARACTER.test(name)) return "a query parameter's name contains a control character";
    if (CONTROL_CHARACTER.test(value)) return `the query parameter ${JSON.stringify(name.slice(0, 40))} contains a control character`;
  }
  return null;
}

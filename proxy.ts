import { NextResponse, type NextRequest } from "next/server";
import { checkRequestOrigin, contentSecurityPolicy, malformedRequestReason, STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

/**
 * Every response gets the security headers and a fresh CSP nonce, and every request that may change
 * something must come from the console's own origin. Authorization is not decided here: the data
 * layer checks the session on every page, action and route (lib/data/accounts/session.ts).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { isDevelopment: process.env.NODE_ENV === "development" });

  // Clients post status MIFs to DESPOOLR.BOX with no session and no Origin; the route checks the site's token.
  const isStatusIntake = request.method === "POST" && request.nextUrl.pathname.startsWith("/despoolr.box/");
  const origin = isStatusIntake ? { allowed: true as const } : checkRequestOrigin(request, { publicOrigin: process.env.SMS_PUBLIC_URL ? new URL(process.env.SMS_PUBLIC_URL).origin : null });
  const malformed = malformedRequestReason({ method: request.method, pathname: request.nextUrl.pathname, search: request.nextUrl.search });
  let response: NextResponse;
  if (malformed) {
    response = new NextResponse(`Bad request: ${malformed}.\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  } else if (!origin.allowed) {
    response = new NextResponse(`Refused: ${origin.reason}. Changes are accepted only from the console's own pages.\n`, {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  } else {
    const requestHeaders = new Headers(request.headers);
    // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
    // Lets the console layout send a signed-out visitor back to this page after sign-in.
    requestHeaders.set("x-sms-path", request.nextUrl.pathname + request.nextUrl.search);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  // Served over https (SMS_PUBLIC_URL says so): browsers keep to https for a year.
  if (process.env.SMS_PUBLIC_URL?.startsWith("https://")) response.headers.set("Strict-Transport-Security", "max-age=31536000");
  return response;
}

// Every path, static files included: the headers belong on every response. Except a client's
// instruction file by its plain name (/pcmins.box/<8 letters or digits>.INS), polled by the thousand,
// and a client's status post by its plain SMS ID (/despoolr.box/<8 letters or digits>), 40,000 at
// once after a big job (Q140389): those routes set the same headers themselves, and the status
// route checks the site's token itself. Any other name there (encoded, malformed) still comes through here.
export const config = { matcher: "/((?!pcmins\\.box/[A-Za-z0-9]{8}\\.[Ii][Nn][Ss]$|despoolr\\.box/[A-Za-z0-9]{8}$).*)" };

import { randomBytes } from "node:crypto";
import { clientAddress } from "@/lib/data/accounts/client-address";
import { receiveStatusReport } from "@/lib/data/job-status/status-reports/intake";
import type { StatusIntakeResult } from "@/lib/data/job-status/status-reports/reading";
import { HTTP_STATUS_OF, isDomainError } from "@/lib/errors";
import { presentedAccessToken } from "@/lib/instruction-box/access-token";
import { withDatabaseFaults } from "@/lib/route-errors";
import { securityHeadersFor } from "@/lib/security/headers";
import { MAX_STATUS_MIF_BYTES } from "@/lib/status-mif/mif-tree";
import { currentWallClock } from "@/lib/wall-clock";

export const dynamic = "force-dynamic";

/**
 * proxy.ts does not run for a plain /despoolr.box/<SMS ID> (its matcher leaves it out: clients post
 * by the thousand), so the route sets the security headers every other response gets from the proxy.
 */
function securityHeaders(): Record<string, string> {
  return securityHeadersFor(randomBytes(16).toString("base64"), {
    isDevelopment: process.env.NODE_ENV === "development",
    isHttps: process.env.SMS_PUBLIC_URL?.startsWith("https://") ?? false,
  });
}

function plainText(status: number, message: string, headers: Record<string, string> = {}) {
  return new Response(`${message}\n`, {
    status,
    headers: { ...securityHeaders(), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}

const TOO_LARGE = `A status MIF must be 64 KB or smaller (${MAX_STATUS_MIF_BYTES} bytes); SMS refused bigger ones too (event 119, Q122178).`;

/** Reads at most 64 KB + 1 byte: a bigger body is refused without reading (or keeping) the rest. */
async function readBoundedBody(request: Request): Promise<Uint8Array | "too-large"> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_STATUS_MIF_BYTES) return "too-large";
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_STATUS_MIF_BYTES) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** MIFs were ANSI text: bytes are read as Latin-1, so every byte is kept, unless the client says UTF-8. */
function decodeBody(bytes: Uint8Array, contentType: string | null): string | null {
  if (!/charset\s*=\s*"?utf-?8/i.test(contentType ?? "")) return Buffer.from(bytes).toString("latin1");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const STATUS_OF_RESULT = (result: StatusIntakeResult): number =>
  result.isDuplicate ? 200 : result.outcome === "refused" ? (result.refusal === "truncated" ? 400 : 422) : result.outcome === "held" || result.outcome === "received" ? 202 : 201;

/**
 * POST /despoolr.box/<SMS ID>?job=<job ID or request ID>[&at=<client wall clock>]: a client's status
 * MIF, as PCM wrote it to the logon server's DESPOOLR.BOX (Q169491). The same per-site access as
 * PCMINS.BOX: open, or the site's token (X-PCMINS-Token or ?token=). The report is kept as received
 * before it is read; the answer says what became of it.
 */
export const POST = withDatabaseFaults(async (request: Request, context: RouteContext<"/despoolr.box/[smsId]">) => {
  const { smsId } = await context.params;
  const url = new URL(request.url);
  const body = await readBoundedBody(request);
  if (body === "too-large") return plainText(413, TOO_LARGE);
  const text = decodeBody(body, request.headers.get("content-type"));
  if (text === null) return plainText(400, "The body says it is UTF-8 but is not valid UTF-8.");
  try {
    const result = await receiveStatusReport({
      input: { smsId, jobReference: url.searchParams.get("job") ?? "", text, reportedAt: url.searchParams.get("at") ?? undefined },
      via: { source: "despoolr.box", presentedToken: presentedAccessToken(request), address: clientAddress(request.headers) },
      now: currentWallClock(),
    });
    return plainText(STATUS_OF_RESULT(result), result.message, { "X-Status-Report-Id": String(result.reportId), "X-Status-Outcome": result.isDuplicate ? "duplicate" : result.outcome });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const headers: Record<string, string> = error.code === "unauthenticated" ? { "WWW-Authenticate": "PCMINS-Token" } : error.code === "unavailable" ? { "Retry-After": "5" } : {};
    return plainText(HTTP_STATUS_OF[error.code], error.message, headers);
  }
});

import { randomBytes } from "node:crypto";
import { clientAddress } from "@/lib/data/accounts/client-address";
import { instructionFileETag, type InstructionFile } from "@/lib/data/instruction-box/instruction-box";
import { fetchInstructionFile } from "@/lib/data/instruction-box/instruction-box-access";
import { presentedAccessToken, sanitisedFileName } from "@/lib/instruction-box/access-token";
import { securityHeadersFor } from "@/lib/security/headers";
import { currentWallClock } from "@/lib/wall-clock";
import { withDatabaseFaults } from "@/lib/route-errors";

export const dynamic = "force-dynamic";

const FILE_NAME_PATTERN = /^([A-Z0-9]{8})\.INS$/i;

/**
 * proxy.ts does not run for this route (its matcher leaves it out: clients poll it by the
 * thousand), so the route sets the security headers every other response gets from the proxy.
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

/** HTTP dates have whole seconds; compare at that precision. */
function isNotModifiedSince(header: string | null, lastModified: Date): boolean {
  if (!header) return false;
  const since = Date.parse(header);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/** The ETag is a hash of the bytes, so every console instance gives a file the same one. */
function isNotModified(request: Request, file: InstructionFile): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    const etag = instructionFileETag(file.bytes);
    return ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
  }
  return isNotModifiedSince(request.headers.get("if-modified-since"), file.lastModified);
}

/**
 * GET /pcmins.box/<SMS ID>.INS: a client's instruction file, generated from the database now, as
 * PCM would read it from \\<logon server>\SMS_SHR\PCMINS.BOX (Q123499). Open to everyone, as the
 * share was (Q189809), unless the client's site asks for its token (?token= or X-PCMINS-Token).
 * Conditional GET with ETag or Last-Modified answers 304. Every fetch is logged.
 */
export const GET = withDatabaseFaults(async function get(request: Request, context: RouteContext<"/pcmins.box/[fileName]">) {
  const { fileName } = await context.params;
  const match = FILE_NAME_PATTERN.exec(fileName);
  if (!match) return plainText(400, "The file name must be an SMS ID (8 characters, A-Z or 0-9) followed by .INS");
  const result = await fetchInstructionFile({
    smsId: match[1]!.toUpperCase(),
    presentedToken: presentedAccessToken(request),
    address: clientAddress(request.headers),
    now: currentWallClock(),
    isNotModified: (file) => isNotModified(request, file),
  });
  if (result.outcome === "refused") return plainText(401, result.message, { "WWW-Authenticate": "PCMINS-Token" });
  if (result.outcome === "not-found") return plainText(404, result.message);

  const { file } = result;
  const headers = {
    ...securityHeaders(),
    ETag: instructionFileETag(file.bytes),
    "Last-Modified": file.lastModified.toUTCString(),
    // Clients may keep a copy but must ask again each poll: jobs expire and get canceled. A file
    // behind a token is no shared cache's to keep.
    "Cache-Control": result.isTokenProtected ? "private, no-cache" : "no-cache",
  };
  if (result.outcome === "not-modified") return new Response(null, { status: 304, headers });
  // The bytes may be shared with other clients' answers and the cache: the body only reads them.
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      ...headers,
      "Content-Type": "application/octet-stream",
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${sanitisedFileName(file.fileName)}"`,
    },
  });
});

/** HEAD: the headers GET would send, and the same log entry. */
export async function HEAD(request: Request, context: RouteContext<"/pcmins.box/[fileName]">) {
  const response = await GET(request, context);
  return new Response(null, { status: response.status, headers: response.headers });
}

/** Other methods: refused here, with the headers the proxy would have added. */
function methodNotAllowed() {
  return plainText(405, "Instruction files are read with GET or HEAD.", { Allow: "GET, HEAD" });
}
export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE, methodNotAllowed as OPTIONS };

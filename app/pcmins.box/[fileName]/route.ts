import { createHash } from "node:crypto";
import { clientAddress } from "@/lib/data/auth-server";
import type { InstructionFile } from "@/lib/data/instruction-box";
import { fetchInstructionFile } from "@/lib/data/instruction-box-access";
import { presentedAccessToken, sanitisedFileName } from "@/lib/instruction-box/access-token";
import { currentWallClock } from "@/lib/wall-clock";
import { withDatabaseFaults } from "@/lib/route-errors";

export const dynamic = "force-dynamic";

const FILE_NAME_PATTERN = /^([A-Z0-9]{8})\.INS$/i;

function plainText(status: number, message: string, headers: Record<string, string> = {}) {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers },
  });
}

/** A hash of the bytes, so every console instance gives a file the same ETag. */
function etagOf(file: InstructionFile): string {
  return `"${createHash("sha1").update(file.bytes).digest("base64url")}"`;
}

/** HTTP dates have whole seconds; compare at that precision. */
function isNotModifiedSince(header: string | null, lastModified: Date): boolean {
  if (!header) return false;
  const since = Date.parse(header);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

function isNotModified(request: Request, file: InstructionFile): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) return ifNoneMatch.split(",").some((tag) => tag.trim() === etagOf(file) || tag.trim() === "*");
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
    ETag: etagOf(file),
    "Last-Modified": file.lastModified.toUTCString(),
    // Clients may keep a copy but must ask again each poll: jobs expire and get canceled. A file
    // behind a token is no shared cache's to keep.
    "Cache-Control": result.isTokenProtected ? "private, no-cache" : "no-cache",
    "X-Content-Type-Options": "nosniff",
  };
  if (result.outcome === "not-modified") return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(file.bytes), {
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

import { createHash } from "node:crypto";
import { getInstructionFile } from "@/lib/data/instruction-box";
import { currentWallClock } from "@/lib/wall-clock";

export const dynamic = "force-dynamic";

const FILE_NAME_PATTERN = /^([A-Z0-9]{8})\.INS$/i;

function notFound(message: string) {
  return new Response(`${message}\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** HTTP dates have whole seconds; compare at that precision. */
function isNotModifiedSince(header: string | null, lastModified: Date): boolean {
  if (!header) return false;
  const since = Date.parse(header);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * GET /pcmins.box/<SMS ID>.INS: a client's instruction file, generated from the database now, as
 * PCM would read it from \\<logon server>\SMS_SHR\PCMINS.BOX (Q123499). Conditional GET with ETag
 * (a hash of the bytes, so every console instance agrees) or Last-Modified answers 304.
 */
export async function GET(request: Request, context: RouteContext<"/pcmins.box/[fileName]">) {
  const { fileName } = await context.params;
  const match = FILE_NAME_PATTERN.exec(fileName);
  if (!match) {
    return new Response("The file name must be an SMS ID (8 characters, A-Z or 0-9) followed by .INS\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const smsId = match[1]!.toUpperCase();
  const file = await getInstructionFile({ smsId, now: currentWallClock() });
  if (file === "unknown") return notFound(`${smsId} is not in inventory.`);
  if (file === "empty") return notFound(`No instruction file: no active job offers ${smsId} a package.`);

  const etag = `"${createHash("sha1").update(file.bytes).digest("base64url")}"`;
  const headers = {
    ETag: etag,
    "Last-Modified": file.lastModified.toUTCString(),
    // Clients may keep a copy but must ask again each poll: jobs expire and get canceled.
    "Cache-Control": "no-cache",
  };
  const ifNoneMatch = request.headers.get("if-none-match");
  const isNotModified = ifNoneMatch !== null ? ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*") : isNotModifiedSince(request.headers.get("if-modified-since"), file.lastModified);
  if (isNotModified) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      ...headers,
      "Content-Type": "application/octet-stream",
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

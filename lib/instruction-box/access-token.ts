import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { checkbox, oneOf, optional } from "../schema-fields";

/**
 * Who may read a site's instruction files over HTTP. On a logon server the PCMINS.BOX share gave
 * Everyone read (Q189809), so "open" is the default; "token" asks for the site's token in the
 * query string (?token=) or the X-PCMINS-Token header. Only the token's SHA-256 hash is stored.
 */
export const INSTRUCTION_BOX_ACCESS_MODES = ["open", "token"] as const;
export type InstructionBoxAccessMode = (typeof INSTRUCTION_BOX_ACCESS_MODES)[number];

export const INSTRUCTION_BOX_ACCESS_LABELS: Record<InstructionBoxAccessMode, string> = {
  open: "Open read (Everyone, as the PCMINS.BOX share)",
  token: "Token required",
};

export const ACCESS_TOKEN_HEADER = "X-PCMINS-Token";
export const ACCESS_TOKEN_QUERY_PARAMETER = "token";
/** 32 random bytes, base64url without padding. */
const ACCESS_TOKEN_BYTES = 32;

export function isInstructionBoxAccessMode(value: unknown): value is InstructionBoxAccessMode {
  return typeof value === "string" && (INSTRUCTION_BOX_ACCESS_MODES as readonly string[]).includes(value);
}

/**
 * A change of a site's access: a mode (absent keeps the current one) and whether to generate a new
 * token. Used by the site's access form and `sms box access|token`.
 */
export const instructionBoxAccessInputSchema = z.object({
  mode: optional(oneOf("Access to instruction files", INSTRUCTION_BOX_ACCESS_MODES)),
  rotateToken: checkbox("Generate a new token"),
});
export type InstructionBoxAccessInput = z.infer<typeof instructionBoxAccessInputSchema>;

export function generateAccessToken(): string {
  return randomBytes(ACCESS_TOKEN_BYTES).toString("base64url");
}

/** What is stored for a token: its SHA-256, hex. */
export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Compares hashes, never the tokens, in constant time: both are 32 bytes whatever was presented. */
export function isAccessTokenValid(presented: string | null, storedHash: string | null): boolean {
  if (!presented || !storedHash) return false;
  const expected = Buffer.from(storedHash, "hex");
  const actual = Buffer.from(hashAccessToken(presented), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The token a client sent: the X-PCMINS-Token header, else the token query parameter. */
export function presentedAccessToken(request: Request): string | null {
  const header = request.headers.get(ACCESS_TOKEN_HEADER)?.trim();
  if (header) return header;
  const query = new URL(request.url).searchParams.get(ACCESS_TOKEN_QUERY_PARAMETER)?.trim();
  return query || null;
}

/** A file name safe in a Content-Disposition header: upper case, A-Z, 0-9 and dots only. */
export function sanitisedFileName(fileName: string): string {
  return fileName.toUpperCase().replace(/[^A-Z0-9.]/g, "");
}

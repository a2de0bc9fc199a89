import { randomBytes } from "node:crypto";

/** A password for an account nobody typed one for: 144 random bits as 24 URL-safe characters. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

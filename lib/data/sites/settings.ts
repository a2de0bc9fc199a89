import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/**
 * The secret that signs session cookies and encrypts TOTP secrets. BETTER_AUTH_SECRET wins; without
 * it the first instance to start generates one and keeps it in the database, so every instance and
 * every restart signs with the same key and no default secret ships with the console.
 */
export async function authSecret(): Promise<string> {
  const configured = process.env.BETTER_AUTH_SECRET?.trim();
  if (configured) return configured;
  const key = "auth.secret";
  const existing = await db.setting.findUnique({ where: { key } });
  if (existing) return existing.value;
  try {
    await db.setting.create({ data: { key, value: randomBytes(32).toString("base64url") } });
  } catch {
    // Another instance created it at the same moment; read theirs.
  }
  return (await db.setting.findUniqueOrThrow({ where: { key } })).value;
}

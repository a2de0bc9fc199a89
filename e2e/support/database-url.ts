import path from "node:path";

/**
 * The e2e server's database (scripts/e2e-server.mjs): data/e2e.db, or the sms_e2e database on
 * SMS_POSTGRESQL_ADMIN_URL's server when SMS_TEST_DATABASE=postgresql (scripts/db/fresh-postgresql.mjs).
 */
export const isPostgresql = process.env.SMS_TEST_DATABASE === "postgresql";

export const E2E_DATABASE_FILE = path.join(__dirname, "..", "..", "data", "e2e.db");

export function e2eDatabaseUrl(): string {
  if (!isPostgresql) return `file:${E2E_DATABASE_FILE}`;
  const url = new URL(process.env.SMS_POSTGRESQL_ADMIN_URL?.trim() || "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = "/sms_e2e";
  return url.toString();
}

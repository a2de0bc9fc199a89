import path from "node:path";
import type { Role } from "@/lib/access/roles";

/** The e2e server (scripts/e2e-server.mjs) creates one account per role with this password. */
export const E2E_PASSWORD = "e2e-correct-horse-battery";

export const E2E_ACCOUNTS: Record<Role, { email: string; name: string }> = {
  administrator: { email: "administrator@e2e.test", name: "E2E Administrator" },
  operator: { email: "operator@e2e.test", name: "E2E Operator" },
  viewer: { email: "viewer@e2e.test", name: "E2E Viewer" },
};

/** Per database, so the SQLite and PostgreSQL runs can go side by side (scripts/test-all.mjs). */
export function storageStateOf(role: Role): string {
  return path.join(__dirname, "..", ".auth", process.env.SMS_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite", `${role}.json`);
}

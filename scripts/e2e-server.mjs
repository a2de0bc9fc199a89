// The end-to-end test server: a fresh database with the demo, a production build, next start.
// SQLite by default; SMS_TEST_DATABASE=postgresql uses a fresh PostgreSQL database instead.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { freshPostgresqlDatabase } from "./db/fresh-postgresql.mjs";
import { prepareDatabase, root, run } from "./prepare-database.mjs";

if (process.env.SMS_TEST_DATABASE === "postgresql") {
  process.env.DATABASE_URL = await freshPostgresqlDatabase("sms_e2e");
} else {
  const file = path.join(root, "data", "e2e.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.NEXT_TELEMETRY_DISABLED = "1";
prepareDatabase({ loadDemo: true });
// One account per role for the specs (e2e/support/accounts.ts); the password comes from the
// environment so it never appears in a process list.
const E2E_ACCOUNTS = [
  ["administrator@e2e.test", "E2E Administrator", "administrator"],
  ["operator@e2e.test", "E2E Operator", "operator"],
  ["viewer@e2e.test", "E2E Viewer", "viewer"],
];
for (const [email, name, role] of E2E_ACCOUNTS) {
  run(process.execPath, [path.join(root, "bin", "sms.mjs"), "user", "create", "--email", email, "--name", name, "--role", role, "--password-env", "E2E_PASSWORD"], { ...process.env, E2E_PASSWORD: "e2e-correct-horse-battery" });
}
const next = path.join(root, "node_modules", ".bin", "next");
if (process.env.SMS_SKIP_BUILD !== "1") run(next, ["build"]);
const server = spawn(next, ["start", "-p", process.env.E2E_PORT ?? "3100"], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

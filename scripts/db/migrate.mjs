// npm run db:migrate: brings DATABASE_URL's database to the current schema.
// SQLite: `prisma migrate deploy` applies prisma/migrations through the JS engine.
// PostgreSQL: Prisma's migrate commands fail through the pg driver adapter (prisma/orm#27403) and
// its native engine cannot be fetched here, so node-pg-migrate applies prisma/postgresql/migrations,
// the SQL `prisma migrate diff` wrote for PostgreSQL (docs/decisions/006). All pending migrations
// run in one transaction, under an advisory lock: instances starting together apply each once.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";
import { root } from "./postgresql-schema.mjs";

export const isPostgresqlUrl = (url) => /^postgres(ql)?:\/\//.test(url);
export const MIGRATIONS_TABLE = "_sms_migrations";

export async function migratePostgresql(url, { quiet = false } = {}) {
  const applied = await runner({
    databaseUrl: url,
    dir: path.join(root, "prisma", "postgresql", "migrations"),
    migrationsTable: MIGRATIONS_TABLE,
    direction: "up",
    singleTransaction: true,
    advisoryLockMode: "wait",
    checkOrder: true,
    log: () => {},
  });
  if (!quiet) console.log(applied.length === 0 ? "PostgreSQL: no pending migrations." : `PostgreSQL: applied ${applied.map((migration) => migration.name).join(", ")}`);
  return applied;
}

export async function migrate(url = process.env.DATABASE_URL || "file:./data/sms.db", options = {}) {
  if (isPostgresqlUrl(url)) return migratePostgresql(url, options);
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, stdio: options.quiet ? "pipe" : "inherit", encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed (exit ${result.status ?? result.signal})${options.quiet ? `:\n${result.stdout}\n${result.stderr}` : ""}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await migrate();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

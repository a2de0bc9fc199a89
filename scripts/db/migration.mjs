// npm run db:migration -- <name>: after editing prisma/schema.prisma, writes the next migration for
// both databases, with one name: prisma/migrations/<stamp>_<name>/migration.sql (SQLite, applied by
// `prisma migrate deploy`) and prisma/postgresql/migrations/<stamp>_<name>.sql (PostgreSQL, applied
// by node-pg-migrate). Each is `prisma migrate diff` between prisma/migrated.prisma (the schema the
// committed migrations build) and prisma/schema.prisma for that provider; it needs no database.
//
// npm run db:migration -- --check: exits 1 when the schema has changes no migration has, or the two
// databases' migrations do not pair up by name. (Tests also build a database of each kind from its
// migrations and compare it with the schema.)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { postgresqlAdminUrl, root, schemaFor, sqliteSchemaPath } from "./postgresql-schema.mjs";

export const migratedSchemaPath = path.join(root, "prisma", "migrated.prisma");
export const sqliteMigrationsPath = path.join(root, "prisma", "migrations");
export const postgresqlMigrationsPath = path.join(root, "prisma", "postgresql", "migrations");
const MIGRATED_HEADER = "// The schema the committed migrations build; written by `npm run db:migration`, do not edit.\n";
// The CLI opens its driver adapter even for a diff between two schema files, though it queries
// nothing: SQLite gets a throw-away file, PostgreSQL a connection to the server tests use.
const diffUrl = (provider, directory) => (provider === "sqlite" ? `file:${path.join(directory, "diff.db")}` : postgresqlAdminUrl());

/** The SQL that takes a database of the provider from one schema text (null: empty) to another. */
export function diffScript(provider, fromText, toText) {
  const directory = mkdtempSync(path.join(os.tmpdir(), "sms-migration-"));
  try {
    const to = path.join(directory, "to.prisma");
    writeFileSync(to, schemaFor(provider, toText));
    const from = fromText === null ? ["--from-empty"] : ["--from-schema-datamodel", path.join(directory, "from.prisma")];
    if (fromText !== null) writeFileSync(from[1], schemaFor(provider, fromText));
    const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"], {
      cwd: root,
      encoding: "utf8",
      // A URL of the provider's own kind keeps Prisma on its JS engine (no native engine download).
      env: { ...process.env, DATABASE_URL: diffUrl(provider, directory) },
    });
    if (result.status !== 0) throw new Error(`prisma migrate diff (${provider}) failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout.trim() === "-- This is an empty migration." ? "" : result.stdout;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const stripHeader = (text) => (text.startsWith(MIGRATED_HEADER) ? text.slice(MIGRATED_HEADER.length) : text);
export const migratedSchema = () => (existsSync(migratedSchemaPath) ? stripHeader(readFileSync(migratedSchemaPath, "utf8")) : null);

export function migrationNames() {
  const sqlite = readdirSync(sqliteMigrationsPath, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const postgresql = existsSync(postgresqlMigrationsPath) ? readdirSync(postgresqlMigrationsPath).filter((name) => name.endsWith(".sql")).map((name) => name.slice(0, -4)).sort() : [];
  return { sqlite, postgresql };
}

/** What is wrong with the committed migrations, as messages; empty when they match the schema. */
export function checkMigrations() {
  const problems = [];
  const { sqlite, postgresql } = migrationNames();
  if (JSON.stringify(sqlite) !== JSON.stringify(postgresql)) {
    problems.push(`SQLite and PostgreSQL migrations differ: only SQLite: ${sqlite.filter((name) => !postgresql.includes(name)).join(", ") || "none"}; only PostgreSQL: ${postgresql.filter((name) => !sqlite.includes(name)).join(", ") || "none"}`);
  }
  const schema = readFileSync(sqliteSchemaPath, "utf8");
  for (const provider of ["sqlite", "postgresql"]) {
    const pending = diffScript(provider, migratedSchema(), schema);
    if (pending) problems.push(`prisma/schema.prisma has ${provider} changes no migration makes; run npm run db:migration -- <name>:\n${pending}`);
  }
  return problems;
}

/** Writes one migration for both databases; false when the schema has no change to migrate. */
export function writeMigration(name, stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14)) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("A migration name is lower case letters, digits and underscores, e.g. add_sessions");
  const schema = readFileSync(sqliteSchemaPath, "utf8");
  const from = migratedSchema();
  const scripts = { sqlite: diffScript("sqlite", from, schema), postgresql: diffScript("postgresql", from, schema) };
  if (!scripts.sqlite && !scripts.postgresql) return false;
  const folder = `${stamp}_${name}`;
  mkdirSync(path.join(sqliteMigrationsPath, folder), { recursive: true });
  writeFileSync(path.join(sqliteMigrationsPath, folder, "migration.sql"), scripts.sqlite);
  mkdirSync(postgresqlMigrationsPath, { recursive: true });
  writeFileSync(path.join(postgresqlMigrationsPath, `${folder}.sql`), scripts.postgresql);
  writeFileSync(migratedSchemaPath, MIGRATED_HEADER + schema);
  return folder;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argument = process.argv[2];
  if (argument === "--check") {
    const problems = checkMigrations();
    for (const problem of problems) console.error(problem);
    if (problems.length === 0) console.log("Migrations of both databases match prisma/schema.prisma.");
    process.exit(problems.length === 0 ? 0 : 1);
  }
  if (!argument) {
    console.error("Usage: npm run db:migration -- <name>   (or -- --check)");
    process.exit(2);
  }
  const folder = writeMigration(argument);
  if (!folder) console.log("prisma/schema.prisma has no change to migrate.");
  else console.log(`Wrote prisma/migrations/${folder}/migration.sql and prisma/postgresql/migrations/${folder}.sql`);
}

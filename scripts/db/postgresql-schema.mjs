// The PostgreSQL copy of prisma/schema.prisma: the same models with provider "postgresql" and its own
// generated client. Prisma checks that a driver adapter's provider matches the schema's, so each
// database needs a client generated from a schema naming it; prisma/schema.prisma stays the one
// source (docs/decisions/006). Written by `npm install` (postinstall) and `npm run db:migration`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sqliteSchemaPath = path.join(root, "prisma", "schema.prisma");
export const postgresqlSchemaPath = path.join(root, "generated", "postgresql", "schema.prisma");

/** A PostgreSQL server where tests and tools may create and drop databases (trust auth on CI). */
export function postgresqlAdminUrl() {
  return process.env.SMS_POSTGRESQL_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
}

/** The schema text for a provider, from prisma/schema.prisma's text. */
export function schemaFor(provider, text) {
  if (provider === "sqlite") return text;
  const datasource = /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/;
  const output = /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/generated\/prisma"/;
  if (!datasource.test(text) || !output.test(text)) throw new Error('prisma/schema.prisma must have provider = "sqlite" and output = "../generated/prisma"');
  // The copy lives in generated/postgresql/, so its client goes to generated/prisma-postgresql.
  return text.replace(datasource, '$1"postgresql"').replace(output, '$1"../prisma-postgresql"');
}

export function writePostgresqlSchema() {
  mkdirSync(path.dirname(postgresqlSchemaPath), { recursive: true });
  writeFileSync(postgresqlSchemaPath, `// Generated from prisma/schema.prisma by scripts/db/postgresql-schema.mjs; do not edit.\n${schemaFor("postgresql", readFileSync(sqliteSchemaPath, "utf8"))}`);
  return postgresqlSchemaPath;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writePostgresqlSchema();

import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { diffScript, migratedSchema, migrationNames } from "@/scripts/db/migration.mjs";
import { createPostgresqlDatabase, postgresqlUrlOf } from "../support/postgresql";

const provider = inject("databaseProvider");
const schema = () => readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");

/** Tables, columns, indexes and foreign keys of a SQLite database, in a comparable form. */
function describeSqliteSchema(file: string) {
  const database = new Database(file, { readonly: true });
  try {
    const tables = database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        {
          // Columns added by a later migration come last; order does not matter to the schema.
          columns: (database.prepare(`PRAGMA table_info("${name}")`).all() as { cid: number; name: string }[])
            .map(({ cid: _position, ...column }) => column)
            .sort((a, b) => a.name.localeCompare(b.name)),
          indexes: (database.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
            .map((index) => ({ unique: index.unique, columns: database.prepare(`PRAGMA index_info("${index.name}")`).all() }))
            .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
          foreignKeys: database.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
        },
      ]),
    );
  } finally {
    database.close();
  }
}

/** Tables, columns, indexes, constraints and sequences of a PostgreSQL database, from its catalog. */
async function describePostgresqlSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async (sql: string) => (await client.query(sql)).rows;
    const notMigrations = "NOT IN ('_sms_migrations', '_sms_migrations_id_seq')";
    return {
      columns: await rows(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name ${notMigrations} ORDER BY table_name, column_name`),
      indexes: await rows(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename ${notMigrations} ORDER BY tablename, indexname`),
      constraints: await rows(
        `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%_sms_migrations%' ORDER BY 1, 2`,
      ),
      sequences: await rows(`SELECT sequence_name, data_type FROM information_schema.sequences WHERE sequence_schema = 'public' AND sequence_name ${notMigrations} ORDER BY 1`),
    };
  } finally {
    await client.end();
  }
}

describe("committed migrations", () => {
  it("pair up: every migration exists for both databases, under one name", () => {
    const { sqlite, postgresql } = migrationNames();
    expect(postgresql).toEqual(sqlite);
  });

  it(`leave no change of prisma/schema.prisma unmigrated on ${provider} (else: npm run db:migration -- <name>)`, () => {
    expect(diffScript(provider, migratedSchema(), schema())).toBe("");
  });

  it.runIf(provider === "sqlite")("build exactly the SQLite database the Prisma schema describes", () => {
    // The schema's own SQL, as `prisma migrate diff` writes it from nothing, builds the reference
    // database (`db push` can stall for a minute on exit here, so it is not used).
    const reference = path.join(mkdtempSync(path.join(os.tmpdir(), "sms-reference-")), "reference.db");
    const database = new Database(reference);
    database.exec(diffScript("sqlite", null, schema()));
    database.close();
    // The template database was built by `prisma migrate deploy` from prisma/migrations.
    expect(describeSqliteSchema(inject("templateDatabase"))).toEqual(describeSqliteSchema(reference));
  });

  it.runIf(provider === "postgresql")("build exactly the PostgreSQL database the Prisma schema describes", async () => {
    // Prisma's db push fails through the pg adapter (prisma/orm#27403); the schema's own SQL, as
    // `prisma migrate diff` writes it from nothing, builds the reference database instead.
    const reference = await createPostgresqlDatabase(`${inject("templateDatabase").replace(/template$/, "")}reference`);
    const client = new pg.Client({ connectionString: reference });
    await client.connect();
    await client.query(diffScript("postgresql", null, schema()));
    await client.end();
    // The template database was built by node-pg-migrate from prisma/postgresql/migrations.
    expect(await describePostgresqlSchema(postgresqlUrlOf(inject("templateDatabase")))).toEqual(await describePostgresqlSchema(reference));
  });
});

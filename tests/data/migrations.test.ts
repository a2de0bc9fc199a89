import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";

/** Tables, columns, indexes and foreign keys of a SQLite database, in a comparable form. */
function describeSchema(file: string) {
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

describe("committed migrations", () => {
  it("build exactly the database the Prisma schema describes", () => {
    const pushed = path.join(mkdtempSync(path.join(os.tmpdir(), "sms-push-")), "pushed.db");
    const result = spawnSync(path.join("node_modules", ".bin", "prisma"), ["db", "push", "--skip-generate", "--force-reset"], {
      env: { ...process.env, DATABASE_URL: `file:${pushed}` },
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    // The template database was built by `prisma migrate deploy` from prisma/migrations.
    expect(describeSchema(inject("templateDatabase"))).toEqual(describeSchema(pushed));
  });
});

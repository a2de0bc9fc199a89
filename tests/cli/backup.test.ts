import Database from "better-sqlite3";
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";

const isSqlite = inject("databaseProvider") === "sqlite";
const workDirectory = mkdtempSync(path.join(os.tmpdir(), "sms-backup-"));
// These tests run the CLI four or five times each; a loaded machine takes up to 10 s a run.
const CLI_RUNS_TIMEOUT = 120_000;
const databaseFile = () => process.env.DATABASE_URL!.replace(/^file:/, "");

function sms(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env, ...env }, cwd: workDirectory, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every table of a SQLite file, each as its rows in rowid order. */
function tablesOf(file: string): Record<string, unknown[]> {
  const database = new Database(file, { readonly: true });
  try {
    const names = (database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    return Object.fromEntries(names.map((name) => [name, database.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
  } finally {
    database.close();
  }
}

/**
 * A second process that keeps writing audit rows, each its own committed transaction, as the
 * console would while a backup runs. It says "wrote N" after each row.
 */
function startWriter(file: string): { process: ChildProcessWithoutNullStreams; written: () => number } {
  const script = `
    const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve("better-sqlite3"))});
    const database = new Database(${JSON.stringify(file)}, { timeout: 5000 });
    database.pragma("journal_mode = WAL");
    const insert = database.prepare("INSERT INTO AuditEvent (at, actorName, action, outcome, objectType, detail) VALUES (?, 'writer', 'test.write', 'success', 'test', ?)");
    let count = 0;
    (function next() { insert.run(Date.now(), "row " + count); count++; process.stdout.write("wrote " + count + "\\n"); setImmediate(next); })();
  `;
  const child = spawn(process.execPath, ["-e", script]);
  let written = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    const last = /wrote (\d+)\n$/.exec(chunk.toString());
    if (last) written = Number(last[1]);
  });
  return { process: child, written: () => written };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

function runSms(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { env: { ...process.env, ...env }, cwd: workDirectory });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  if (!isSqlite) return;
  await importSiteDocument(buildDemoSiteDocument());
  expect(sms(["user", "create", "--admin", "--email", "root@example.com", "--name", "Root"]).code).toBe(0);
  await db.$disconnect();
});

afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

// Each database gets the tests that apply to it; none is skipped.
if (isSqlite) describe("sms backup and sms restore (SQLite)", () => {
  it("backs up while another process writes, and restores into an empty directory with every table identical", async () => {
    const writer = startWriter(databaseFile());
    await until(() => writer.written() >= 20);
    const writtenBefore = writer.written();
    const backup = await runSms(["backup", "nightly.db"]);
    await until(() => writer.written() > writtenBefore + 20);
    writer.process.kill();
    await new Promise((resolve) => writer.process.once("close", resolve));
    expect(backup.stderr).toBe("");
    expect(backup.stdout).toMatch(/^Backed up .* to .*nightly\.db \(\d+ tables, \d+ bytes, migration \d+_\w+\)\.\n$/);

    const backupFile = path.join(workDirectory, "nightly.db");
    const source = tablesOf(databaseFile());
    const saved = tablesOf(backupFile);
    // The backup is one snapshot: every table as the source has it, the audit trail up to a point
    // the writer had passed, with no row missing before it.
    expect(Object.keys(saved)).toEqual(Object.keys(source));
    for (const table of Object.keys(source).filter((name) => name !== "AuditEvent")) expect(saved[table], table).toEqual(source[table]);
    const savedAudit = saved.AuditEvent as { id: number }[];
    expect(savedAudit).toEqual((source.AuditEvent as { id: number }[]).slice(0, savedAudit.length));
    const writerRows = savedAudit.filter((row) => (row as unknown as { actorName: string }).actorName === "writer").length;
    expect(writerRows).toBeGreaterThanOrEqual(writtenBefore);
    expect(saved.User).toHaveLength(1);
    expect(saved.Account).toHaveLength(1);

    const emptyDirectory = mkdtempSync(path.join(workDirectory, "empty-"));
    const restoredFile = path.join(emptyDirectory, "sms.db");
    const restore = sms(["restore", backupFile], { DATABASE_URL: `file:${restoredFile}` });
    expect(restore).toMatchObject({ code: 0, stderr: "" });
    expect(restore.stdout).toMatch(/^Restored .*nightly\.db as .*sms\.db \(\d+ tables, \d+ bytes, migration \d+_\w+\)\.\n$/);
    expect(tablesOf(restoredFile)).toEqual(saved);
    const restored = new Database(restoredFile, { readonly: true });
    expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
    restored.close();
    // Nothing but the database is left behind (no temporary copy).
    expect(readdirSync(emptyDirectory)).toEqual(["sms.db"]);
  }, CLI_RUNS_TIMEOUT);

  it("never overwrites a file with a backup", () => {
    writeFileSync(path.join(workDirectory, "taken.db"), "keep me");
    const result = sms(["backup", "taken.db"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sms: .*taken\.db already exists; give a new file name/);
  });

  it("refuses to restore over a database that is open, and keeps a replaced one", () => {
    expect(sms(["backup", "for-restore.db"]).code).toBe(0);
    const target = path.join(mkdtempSync(path.join(workDirectory, "live-")), "sms.db");
    copyFileSync(databaseFile(), target);
    const env = { DATABASE_URL: `file:${target}` };
    expect(sms(["restore", "for-restore.db"], env).stderr).toMatch(/already exists; add --replace/);

    const console = new Database(target);
    console.pragma("journal_mode = WAL");
    console.prepare("SELECT count(*) FROM User").get();
    const refused = sms(["restore", "for-restore.db", "--replace"], env);
    console.close();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is in use; stop the console/);

    const replaced = sms(["restore", "for-restore.db", "--replace"], env);
    expect(replaced.code).toBe(0);
    const kept = /kept as (\S+)\.\n$/.exec(replaced.stdout)?.[1];
    expect(kept && existsSync(kept)).toBe(true);
  }, CLI_RUNS_TIMEOUT);

  it("refuses a damaged backup and one from a newer console", () => {
    expect(sms(["backup", "good.db"]).code).toBe(0);
    const good = path.join(workDirectory, "good.db");
    const env = { DATABASE_URL: `file:${path.join(mkdtempSync(path.join(workDirectory, "target-")), "sms.db")}` };

    const newer = path.join(workDirectory, "newer.db");
    copyFileSync(good, newer);
    const database = new Database(newer);
    database.prepare("INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, started_at, applied_steps_count) VALUES ('x', 'x', '29991231000000_future', 1, 1, 1)").run();
    database.close();
    expect(sms(["restore", "newer.db"], env).stderr).toMatch(/made by a newer console \(migration 29991231000000_future is not known here\)/);

    const damaged = path.join(workDirectory, "damaged.db");
    const bytes = new Uint8Array(readFileSync(good));
    // Scribble over the pages after the schema: the file still opens, its b-trees do not check out.
    for (let offset = 8192; offset < bytes.length; offset += 4096) bytes.fill(0x5a, offset + 100, offset + 400);
    writeFileSync(damaged, bytes);
    const refused = sms(["restore", "damaged.db"], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/damaged\.db is (damaged|not a SQLite database)/);

    writeFileSync(path.join(workDirectory, "text.db"), "not a database at all, just some text that is long enough to be a header.");
    expect(sms(["restore", "text.db"], env).stderr).toMatch(/text\.db is (damaged|not a SQLite database)/);
    expect(existsSync(env.DATABASE_URL.replace(/^file:/, ""))).toBe(false);
  }, CLI_RUNS_TIMEOUT);
});

else describe("sms backup and sms restore (PostgreSQL)", () => {
  it("points to pg_dump and pg_restore without printing the password", () => {
    const url = "postgresql://sms:secret-password@127.0.0.1:5432/sms";
    const backup = sms(["backup", "out.dump"], { DATABASE_URL: url });
    expect(backup.code).toBe(1);
    expect(backup.stderr).toMatch(/pg_dump --format=custom/);
    expect(backup.stderr).not.toMatch(/secret-password/);
    expect(sms(["restore", "out.dump"], { DATABASE_URL: url }).stderr).toMatch(/pg_restore/);
  });
});

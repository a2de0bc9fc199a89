import Database from "better-sqlite3";
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DomainError } from "../errors";

/**
 * Backup and restore of the SQLite database, as whole files. `VACUUM INTO` copies one read
 * transaction's snapshot, so a backup taken while the console writes is consistent, and in WAL mode
 * it does not hold up the console's writers. PostgreSQL has its own tools (pg_dump, pg_restore).
 */

/**
 * The checkout's prisma/migrations: the nearest one above this module, which runs from lib/db in
 * tests and from the compiled CLI's own folder (.sms-cli/) otherwise.
 */
function migrationsDirectory(): string {
  for (let directory = path.dirname(fileURLToPath(import.meta.url)); ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, "prisma", "migrations");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(directory) === directory) throw new Error("prisma/migrations not found above the console's code");
  }
}

/** The migrations this console's code knows, in the order they apply. */
export function knownMigrations(): string[] {
  return readdirSync(migrationsDirectory(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export interface DatabaseFileFacts {
  /** The finished migrations recorded in the file, in the order they apply. */
  migrations: string[];
  tables: number;
  bytes: number;
}

function openReadOnly(file: string, what: string): Database.Database {
  if (!existsSync(file)) throw new DomainError("not_found", `${what} ${file} does not exist`);
  try {
    return new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new DomainError("invalid", `${what} ${file} is not a SQLite database: ${(error as Error).message}`);
  }
}

/**
 * Checks a database file the way a restore needs it: SQLite's own integrity check passes, and every
 * migration it records is one this console knows, in order (an older file is fine: the next start
 * applies the rest; a newer one needs the newer console).
 */
export function inspectDatabaseFile(file: string, what = "Backup"): DatabaseFileFacts {
  const database = openReadOnly(file, what);
  try {
    let integrity: { integrity_check: string }[];
    try {
      integrity = database.pragma("integrity_check") as { integrity_check: string }[];
    } catch (error) {
      throw new DomainError("invalid", `${what} ${file} is damaged: ${(error as Error).message}`);
    }
    const problems = integrity.map((row) => row.integrity_check).filter((line) => line !== "ok");
    if (problems.length > 0) throw new DomainError("invalid", `${what} ${file} is damaged: integrity_check says ${problems.slice(0, 3).join("; ")}`);
    const hasMigrations = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get() !== undefined;
    if (!hasMigrations) throw new DomainError("invalid", `${what} ${file} is not an SMS Console database (it has no migration history)`);
    const migrations = (database.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name").all() as { migration_name: string }[]).map((row) => row.migration_name);
    const known = knownMigrations();
    const unknown = migrations.filter((name) => !known.includes(name));
    if (unknown.length > 0) throw new DomainError("invalid", `${what} ${file} was made by a newer console (migration ${unknown[0]} is not known here); restore it with that version`);
    const gap = known.slice(0, migrations.length).find((name, index) => migrations[index] !== name);
    if (gap) throw new DomainError("invalid", `${what} ${file} has an incomplete migration history (missing ${gap})`);
    const tables = (database.prepare("SELECT count(*) AS count FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { count: number }).count;
    return { migrations, tables, bytes: statSync(file).size };
  } finally {
    database.close();
  }
}

/** A new file beside `file`, so the final rename is atomic: a backup is there whole or not at all. */
function siblingTemporary(file: string, purpose: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${purpose}-${process.pid}`);
}

/** Copies the live database at `source` into the new file `target` while the console runs. */
export function backupSqliteDatabase(options: { source: string; target: string }): DatabaseFileFacts {
  const { source, target } = options;
  if (path.resolve(source) === path.resolve(target)) throw new DomainError("invalid", "The backup file must not be the database itself");
  if (existsSync(target)) throw new DomainError("conflict", `${target} already exists; give a new file name (a backup never overwrites)`);
  if (!existsSync(path.dirname(target))) throw new DomainError("not_found", `Directory ${path.dirname(target)} does not exist`);
  const temporary = siblingTemporary(target, "backup");
  rmSync(temporary, { force: true });
  // Not read-only: a read-only connection cannot read a WAL database whose -shm it may not create.
  const database = new Database(source, { fileMustExist: true, timeout: 5_000 });
  try {
    database.prepare("VACUUM INTO ?").run(temporary);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new DomainError("invalid", `Could not back up ${source}: ${(error as Error).message}`);
  } finally {
    database.close();
  }
  try {
    const facts = inspectDatabaseFile(temporary, "The new backup");
    renameSync(temporary, target);
    return { ...facts, bytes: statSync(target).size };
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Whether another connection has the database open: the console keeps one open while it runs. An
 * exclusive lock is granted only when no other connection holds the file.
 */
export function isDatabaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const database = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    database.pragma("locking_mode = EXCLUSIVE");
    database.exec("BEGIN EXCLUSIVE");
    database.exec("COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY") || (error as { code?: string }).code?.startsWith("SQLITE_LOCKED")) return true;
    throw error;
  } finally {
    // The last connection to close checkpoints the WAL into the file and removes it.
    database.close();
  }
}

export interface RestoreResult extends DatabaseFileFacts {
  /** Where the database that was replaced now is, when there was one. */
  previous: string | null;
}

/**
 * Puts the backup `source` in place as the database `target`. Refuses while anything has the target
 * open, and checks the backup first. A database it replaces is kept beside it, renamed.
 */
export function restoreSqliteDatabase(options: { source: string; target: string; replace: boolean; now?: Date }): RestoreResult {
  const { source, target } = options;
  if (path.resolve(source) === path.resolve(target)) throw new DomainError("invalid", "The backup is the database itself");
  const facts = inspectDatabaseFile(source);
  const hasTarget = existsSync(target);
  if (hasTarget && !options.replace) throw new DomainError("conflict", `${target} already exists; add --replace to replace it (it is kept as a renamed copy)`);
  if (isDatabaseInUse(target)) throw new DomainError("in_use", `${target} is in use; stop the console (and any sms command) first, then restore`);
  const temporary = siblingTemporary(target, "restore");
  rmSync(temporary, { force: true });
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  try {
    backup.prepare("VACUUM INTO ?").run(temporary);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new DomainError("invalid", `Could not copy ${source}: ${(error as Error).message}`);
  } finally {
    backup.close();
  }
  let previous: string | null = null;
  if (hasTarget) {
    previous = `${target}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, previous);
  }
  // isDatabaseInUse closed the last connection, so no -wal or -shm holds anything of the old file.
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(temporary, target);
  return { ...facts, previous };
}

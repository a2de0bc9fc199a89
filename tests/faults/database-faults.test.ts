import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "@/generated/prisma-postgresql/client";
import { DATABASE_FAULT_MESSAGES, databaseFaultOf } from "@/lib/database-faults";
import { db } from "@/lib/db";
import { asDomainError } from "@/lib/errors";
import { postgresqlAdminUrl } from "@/scripts/db/postgresql-schema.mjs";

/**
 * Issue 14, item 6: each database fault reaches the user as one clear message, from the errors the
 * drivers really raise: in actions (asDomainError, which fromDomainError uses), route handlers (503)
 * and the CLI (one line on standard error, exit 75).
 */
const isSqlite = inject("databaseProvider") === "sqlite";
const UNREACHABLE_URL = "postgresql://postgres@127.0.0.1:1/sms";
const directory = mkdtempSync(path.join(os.tmpdir(), "sms-faults-"));
const sqliteFile = (name: string) => path.join(directory, name);

/** A copy of this file's migrated SQLite database (a fresh one when the suite runs on PostgreSQL). */
function migratedCopy(name: string): string {
  const target = sqliteFile(name);
  if (isSqlite) {
    copyFileSync(process.env.DATABASE_URL!.replace(/^file:/, ""), target);
  } else {
    const migrated = spawnSync(process.execPath, [path.resolve("scripts/db/migrate.mjs")], { env: { ...process.env, DATABASE_URL: `file:${target}` }, encoding: "utf8" });
    if (migrated.status !== 0) throw new Error(migrated.stderr);
  }
  return target;
}

async function rejectionOf(work: () => Promise<unknown>): Promise<unknown> {
  return work().then(
    () => {
      throw new Error("expected the database to fail");
    },
    (error: unknown) => error,
  );
}

function sms(databaseUrl: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl }, input: "" });
  return { code: result.status, stderr: result.stderr };
}

/** Another process holding SQLite's write lock until told to let go. */
function holdTheWriteLock(file: string) {
  const script = `
    const connection = new (require("better-sqlite3"))(process.argv[1]);
    connection.exec("BEGIN IMMEDIATE");
    console.log("locked");
    process.stdin.once("data", () => { connection.exec("ROLLBACK"); connection.close(); process.exit(0); });
  `;
  const holder = spawn(process.execPath, ["-e", script, file], { stdio: ["pipe", "pipe", "inherit"] });
  const locked = new Promise<void>((resolve, reject) => {
    createInterface({ input: holder.stdout }).on("line", (line) => line === "locked" && resolve());
    holder.once("exit", (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
  });
  const release = () => new Promise((resolve) => holder.once("exit", resolve).stdin.end("release\n"));
  return { locked, release };
}

beforeAll(async () => {
  // This file's own database must answer: the faults below are elsewhere.
  await db.site.count();
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("database faults as the drivers raise them", () => {
  it("a read-only SQLite database", () => {
    const connection = new Database(migratedCopy("read-only.db"), { readonly: true });
    try {
      const error = (() => {
        try {
          connection.prepare("INSERT INTO Setting (key, value, updatedAt) VALUES ('k', 'v', 0)").run();
        } catch (caught) {
          return caught;
        }
      })();
      expect(databaseFaultOf(error)).toEqual({ kind: "read-only", message: DATABASE_FAULT_MESSAGES["read-only"] });
    } finally {
      connection.close();
    }
  });

  it("a SQLite lock another connection holds, through Prisma (P1008 with SQLITE_BUSY behind it)", async () => {
    const file = migratedCopy("locked.db");
    const holder = new Database(file);
    const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 1 }) });
    try {
      holder.exec("BEGIN IMMEDIATE");
      const error = await rejectionOf(() => client.setting.create({ data: { key: "k", value: "v" } }));
      expect(asDomainError(error)).toMatchObject({ code: "unavailable", message: DATABASE_FAULT_MESSAGES.locked });
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
      await client.$disconnect();
    }
  });

  it("a damaged SQLite file", () => {
    const file = sqliteFile("damaged.db");
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const error = (() => {
      try {
        new Database(file).prepare("SELECT * FROM sqlite_master").all();
      } catch (caught) {
        return caught;
      }
    })();
    expect(databaseFaultOf(error)).toEqual({ kind: "corrupt", message: DATABASE_FAULT_MESSAGES.corrupt });
  });

  it("a PostgreSQL server that does not answer, through Prisma", async () => {
    const client = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: UNREACHABLE_URL }) });
    try {
      const error = await rejectionOf(() => client.site.count());
      expect(asDomainError(error)).toMatchObject({ code: "unavailable", message: DATABASE_FAULT_MESSAGES.unreachable });
    } finally {
      await client.$disconnect();
    }
  });

  it("a read-only PostgreSQL session (a standby, or default_transaction_read_only), through Prisma", async () => {
    const url = new URL(postgresqlAdminUrl());
    url.searchParams.set("options", "-c default_transaction_read_only=on");
    const client = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
    try {
      const error = await rejectionOf(() => client.$executeRawUnsafe("CREATE TABLE sms_read_only_probe (id integer)"));
      expect(asDomainError(error)).toMatchObject({ code: "unavailable", message: DATABASE_FAULT_MESSAGES["read-only"] });
    } finally {
      await client.$disconnect();
    }
  });

  it("leaves bugs and ordinary refusals alone", async () => {
    expect(databaseFaultOf(new TypeError("x is undefined"))).toBeNull();
    await db.setting.create({ data: { key: "unique", value: "1" } });
    const duplicate = await rejectionOf(() => db.setting.create({ data: { key: "unique", value: "2" } }));
    expect(databaseFaultOf(duplicate)).toBeNull();
    expect(asDomainError(duplicate)).toBeNull();
  });
});

describe("the CLI says what failed in one line, never Prisma's invocation text", () => {
  it("on a damaged database file", () => {
    const file = sqliteFile("damaged-cli.db");
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expect(sms(`file:${file}`, "export")).toEqual({ code: 75, stderr: `sms: ${DATABASE_FAULT_MESSAGES.corrupt}\n` });
  });

  it("on an unreachable PostgreSQL server", () => {
    expect(sms(UNREACHABLE_URL, "export")).toEqual({ code: 75, stderr: `sms: ${DATABASE_FAULT_MESSAGES.unreachable}\n` });
  });

  it("on a database another process keeps locked past the busy timeout", async () => {
    const file = migratedCopy("locked-cli.db");
    const holder = holdTheWriteLock(file);
    await holder.locked;
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.resolve("bin/sms.mjs"), "user", "create", "--email", "ops@example.com", "--name", "Ops", "--role", "viewer"], { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.once("exit", (code) => resolve({ code, stderr }));
      });
      expect(result).toEqual({ code: 75, stderr: `sms: ${DATABASE_FAULT_MESSAGES.locked}\n` });
    } finally {
      await holder.release();
    }
  });

  it("on a read-only filesystem", (context) => {
    const mountPoint = sqliteFile("read-only-mount");
    spawnSync("mkdir", ["-p", mountPoint]);
    const mount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", mountPoint], { encoding: "utf8" });
    if (mount.status !== 0) {
      console.warn(`SKIPPED read-only filesystem test: mounting a tmpfs was refused (${mount.stderr.trim()})`);
      context.skip();
    }
    try {
      const file = path.join(mountPoint, "sms.db");
      copyFileSync(migratedCopy("read-only-source.db"), file);
      expect(spawnSync("mount", ["-o", "remount,ro", mountPoint]).status).toBe(0);
      const result = sms(`file:${file}`, "user", "create", "--email", "ops@example.com", "--name", "Ops", "--role", "viewer");
      expect(result).toEqual({ code: 75, stderr: `sms: ${DATABASE_FAULT_MESSAGES["read-only"]}\n` });
    } finally {
      spawnSync("umount", [mountPoint]);
    }
  });
});

describe("route handlers answer 503 with the message", () => {
  it("when the database cannot be reached: a client's .INS and /health (which names the read check)", async () => {
    vi.resetModules();
    const saved = { url: process.env.DATABASE_URL, prisma: (globalThis as { prisma?: unknown }).prisma };
    delete (globalThis as { prisma?: unknown }).prisma;
    process.env.DATABASE_URL = UNREACHABLE_URL;
    try {
      const { GET: fetchRoute } = await import("@/app/pcmins.box/[fileName]/route");
      const { GET: healthRoute } = await import("@/app/health/route");
      const response = await fetchRoute(new Request("http://console.test/pcmins.box/MDM00005.INS"), { params: Promise.resolve({ fileName: "MDM00005.INS" }) });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: DATABASE_FAULT_MESSAGES.unreachable });
      const health = await healthRoute();
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: "unavailable", failedCheck: "read", checks: { read: { isOk: false, error: DATABASE_FAULT_MESSAGES.unreachable } } });
    } finally {
      await ((globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma?.$disconnect() ?? Promise.resolve());
      process.env.DATABASE_URL = saved.url;
      (globalThis as { prisma?: unknown }).prisma = saved.prisma;
    }
  });
});

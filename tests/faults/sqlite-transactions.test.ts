import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createPackage } from "@/lib/data/packages/packages";
import { createSite } from "@/lib/data/sites/sites";
import { packageInputSchema } from "@/lib/packages/schema";
import { siteInputSchema } from "@/lib/sites/schema";
import { resetDatabase } from "../support/reset-database";

/**
 * Issue 14, items 4 and 5, on SQLite's own transactions: a BEGIN or COMMIT that fails must not keep
 * the adapter's transaction lock (prisma/orm#29933), and a save waits out another process's write
 * lock (BEGIN IMMEDIATE under the 5 s busy timeout) instead of failing at once.
 */
const isSqlite = inject("databaseProvider") === "sqlite";
const office = packageInputSchema.parse({ siteCode: "BPC", name: "Office", commandLines: [{ commandName: "Complete", commandLine: "setup.exe /q", supportedPlatforms: ["WIN16"] }] });

beforeEach(async () => {
  await resetDatabase();
  await createSite({ input: siteInputSchema.parse({ code: "BPC", name: "BPC", smsVersion: "1.2", servicePack: 3, pcmPollingIntervalMinutes: 20 }) });
});

async function expectASaveToWork() {
  const packageId = await createPackage({ input: office });
  expect(await db.package.findUnique({ where: { packageId }, select: { name: true } })).toEqual({ name: "Office" });
  expect(await db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
}

describe.runIf(isSqlite)("a SQLite transaction that fails", () => {
  it("at BEGIN releases the transaction lock: the next save works", async () => {
    // A transaction already open on the connection makes the next BEGIN fail.
    await db.$executeRawUnsafe("BEGIN");
    await expect(createPackage({ input: office })).rejects.toThrow(/cannot start a transaction within a transaction/);
    await db.$executeRawUnsafe("ROLLBACK");
    await expectASaveToWork();
  });

  it("at COMMIT is rolled back and releases the lock: nothing of it is kept, and the next save works", async () => {
    // A deferred foreign key is checked at COMMIT, which then fails with the transaction still open.
    const failed = db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
      await tx.package.create({ data: { packageId: "BPC0000Z", siteCode: "BPC", name: "Kept?" } });
      await tx.workstationCommandLine.create({ data: { packageId: "NO-SUCH", commandName: "Orphan", commandLine: "x.exe" } });
    });
    await expect(failed).rejects.toThrow(/ForeignKeyConstraintViolation|Foreign key constraint/i);
    expect(await db.package.count()).toBe(0);
    await expectASaveToWork();
  });

  it("in a statement leaves the lock free: the next save works", async () => {
    const failed = db.$transaction(async (tx) => {
      await tx.package.create({ data: { packageId: "BPC0000Y", siteCode: "BPC", name: "Kept?" } });
      await tx.$executeRawUnsafe("INSERT INTO no_such_table VALUES (1)");
    });
    await expect(failed).rejects.toThrow(/no such table/);
    expect(await db.package.count()).toBe(0);
    await expectASaveToWork();
  });
});

/** Another process that takes SQLite's write lock, says so, and holds it for 1.5 s before committing. */
function holdTheWriteLock(file: string) {
  const script = `
    const Database = require("better-sqlite3");
    const connection = new Database(process.argv[1]);
    connection.exec("BEGIN IMMEDIATE");
    connection.prepare("INSERT INTO Setting (key, value, updatedAt) VALUES ('held-lock', 'committed', 0)").run();
    console.log("locked");
    setTimeout(() => { connection.exec("COMMIT"); connection.close(); console.log("released"); }, 1500);
  `;
  const holder = spawn(process.execPath, ["-e", script, file], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: holder.stdout });
  const locked = new Promise<void>((resolve, reject) => {
    lines.on("line", (line) => line === "locked" && resolve());
    holder.once("exit", (code) => reject(new Error(`the lock holder exited (${code}) before taking the lock`)));
  });
  const exited = new Promise<number | null>((resolve) => holder.once("exit", resolve));
  return { locked, exited };
}

describe.runIf(isSqlite)("a save while another process holds the write lock", () => {
  it("waits for the lock and succeeds, keeping the other process's write too", async () => {
    const file = process.env.DATABASE_URL!.replace(/^file:/, "");
    await db.package.count();
    const holder = holdTheWriteLock(file);
    await holder.locked;
    const packageId = await createPackage({ input: office });
    expect(await holder.exited).toBe(0);
    expect(await db.package.findUnique({ where: { packageId }, select: { name: true } })).toEqual({ name: "Office" });
    expect(await db.setting.findUnique({ where: { key: "held-lock" }, select: { value: true } })).toEqual({ value: "committed" });
  });
});

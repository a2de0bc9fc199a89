import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createPackage } from "@/lib/data/packages/packages";
import { createSite } from "@/lib/data/sites/sites";
import { buildLargeSiteDocument } from "@/lib/demo/large-site-document";
import { packageInputSchema } from "@/lib/packages/schema";
import { siteInputSchema } from "@/lib/sites/schema";
import { descendantsOf, isRunning } from "../support/processes";
import { resetDatabase } from "../support/reset-database";

/**
 * SIGTERM to `sms import` (the PID the shell started: bin/sms.mjs) while its transaction is open
 * (issue 14, "Done when"). The import is all or nothing, and what the command said is what was
 * kept: stopped ("not saved", exit 143) and none of it, or acknowledged ("Imported ...", exit 0)
 * and all of it. On PostgreSQL the signal lands mid-transaction and stops it. On SQLite every
 * statement completes synchronously, so the transaction runs to its end before Node can take the
 * signal, and the import is kept. Either way nothing saved before is lost, the database is intact,
 * no process is left running once the launcher exits, and the same import then runs through.
 */
const isSqlite = inject("databaseProvider") === "sqlite";
const directory = mkdtempSync(path.join(os.tmpdir(), "sms-sigterm-import-"));
const documentFile = path.join(directory, "large.json");
const COMPUTERS = 2000;
let acknowledgedPackageId: string;

beforeAll(async () => {
  await resetDatabase();
  await createSite({ input: siteInputSchema.parse({ code: "ZZZ", name: "Saved before the import", smsVersion: "1.2", servicePack: 3, pcmPollingIntervalMinutes: 20 }) });
  acknowledgedPackageId = await createPackage({ input: packageInputSchema.parse({ siteCode: "ZZZ", name: "Saved before", commandLines: [{ commandName: "Complete", commandLine: "setup.exe", supportedPlatforms: ["WIN16"] }] }) });
  writeFileSync(documentFile, JSON.stringify(buildLargeSiteDocument({ computers: COMPUTERS, packages: 200 })));
});

afterAll(() => rmSync(directory, { recursive: true, force: true }));

function startImport() {
  const child = spawn(process.execPath, [path.resolve("bin/sms.mjs"), "import", documentFile], { env: { ...process.env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
  return { child, exited };
}

/** Whether another connection holds an open write transaction on this file's database. */
async function isImportTransactionOpen(): Promise<boolean> {
  if (isSqlite) {
    const probe = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""), { timeout: 0 });
    try {
      probe.exec("BEGIN IMMEDIATE");
      probe.exec("ROLLBACK");
      return false;
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
      throw error;
    } finally {
      probe.close();
    }
  }
  const rows = await db.$queryRawUnsafe<{ open: bigint }[]>("SELECT count(*) AS open FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL");
  return Number(rows[0]!.open) > 0;
}

describe(`SIGTERM during sms import (${isSqlite ? "SQLite" : "PostgreSQL"})`, () => {
  it("ends the command with all of the import or none of it, as it said, and all that was saved before", async () => {
    const computersBefore = await db.computer.count();
    const importing = startImport();
    let hasFinished = false;
    void importing.exited.then(() => (hasFinished = true));
    await vi.waitFor(
      async () => {
        if (hasFinished) throw new Error(`the import finished before it could be interrupted:\n${(await importing.exited).stderr}`);
        expect(await isImportTransactionOpen()).toBe(true);
      },
      { timeout: 120_000, interval: 20 },
    );
    // The launcher runs the compiled CLI in its own process, or the sources in a child: none may outlive the signal.
    const processes = [importing.child.pid!, ...descendantsOf(importing.child.pid!)];
    importing.child.kill("SIGTERM");
    const result = await importing.exited;
    expect(processes.filter(isRunning)).toEqual([]);
    const computersAfter = await db.computer.count();
    if (result.code === 0) {
      expect(result.stdout).toMatch(/^Imported 4 sites, 6 servers, \d+ computers/);
      expect(computersAfter).toBeGreaterThanOrEqual(COMPUTERS);
      expect(await db.auditEvent.count({ where: { action: "site-document.import" } })).toBe(1);
    } else {
      expect(result).toEqual({ code: 143, stdout: "", stderr: "sms: stopped by SIGTERM; a change or import that had not finished was not saved\n" });
      expect(computersAfter).toBe(computersBefore);
      expect(await db.auditEvent.count({ where: { action: "site-document.import" } })).toBe(0);
    }
    if (!isSqlite) expect(result.code).toBe(143);
    expect(await db.package.findUnique({ where: { packageId: acknowledgedPackageId }, select: { name: true } })).toEqual({ name: "Saved before" });
    if (isSqlite) expect(await db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  }, 180_000);

  it("lets the same import run through afterwards", async () => {
    const result = await startImport().exited;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(await db.computer.count()).toBeGreaterThanOrEqual(COMPUTERS);
    expect(await db.package.findUnique({ where: { packageId: acknowledgedPackageId }, select: { name: true } })).toEqual({ name: "Saved before" });
  }, 180_000);
});

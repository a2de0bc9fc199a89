import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createSite } from "@/lib/data/sites/sites";
import { siteInputSchema } from "@/lib/sites/schema";
import { resetDatabase } from "../support/reset-database";

/**
 * kill -9 while another process is saving (issue 14, "Done when"), on whichever database the suite
 * runs on: every save it acknowledged is there, whole (its command lines and audit row with it),
 * nothing half-written is, and SQLite's integrity_check says ok. Several rounds, each killed after
 * a different number of acknowledgements, so the kill lands at different points of a save.
 */
const isSqlite = inject("databaseProvider") === "sqlite";
const ROUNDS = [3, 11, 24];

/** Starts the writer and kills it with SIGKILL once it has acknowledged `count` saves. */
function writeUntilKilled(count: number): Promise<string[]> {
  const writer = spawn(process.execPath, ["--conditions=react-server", "--no-warnings", "--import", "tsx", path.resolve("tests/support/fault-writer.ts")], {
    env: { ...process.env, TSX_TSCONFIG_PATH: path.resolve("tsconfig.json") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  writer.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const acknowledged: string[] = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: writer.stdout }).on("line", (line) => {
      const match = /^saved (\w+)$/.exec(line);
      if (!match) return;
      acknowledged.push(match[1]!);
      if (acknowledged.length === count) writer.kill("SIGKILL");
    });
    writer.once("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(acknowledged);
      else reject(new Error(`the writer exited (${code}) before it was killed:\n${stderr}`));
    });
  });
}

beforeAll(async () => {
  await resetDatabase();
  await createSite({ input: siteInputSchema.parse({ code: "BPC", name: "BPC", smsVersion: "1.2", servicePack: 3, pcmPollingIntervalMinutes: 20 }) });
});

describe(`kill -9 during writes (${isSqlite ? "SQLite" : "PostgreSQL"})`, () => {
  it.each(ROUNDS)("loses no acknowledged save and keeps no half of one (killed after %i)", async (count) => {
    const acknowledged = await writeUntilKilled(count);
    expect(acknowledged.length).toBeGreaterThanOrEqual(count);
    const packages = await db.package.findMany({ select: { packageId: true, _count: { select: { commandLines: true } } } });
    const stored = new Set(packages.map((row) => row.packageId));
    expect(acknowledged.filter((packageId) => !stored.has(packageId))).toEqual([]);
    // Atomic: each stored package has both its command lines and its audit row.
    expect(packages.filter((row) => row._count.commandLines !== 2).map((row) => row.packageId)).toEqual([]);
    const audited = await db.auditEvent.findMany({ where: { action: "package.create" }, select: { objectId: true } });
    expect(audited.map((row) => row.objectId).sort()).toEqual([...stored].sort());
    if (isSqlite) expect(await db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  }, 120_000);
});

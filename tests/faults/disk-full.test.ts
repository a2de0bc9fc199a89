import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createJob } from "@/lib/data/jobs/job-changes";
import { activateJob } from "@/lib/data/jobs/job-lifecycle";
import { bindProcessActor } from "@/lib/data/accounts/session";
import { importSiteDocument } from "@/lib/data/sites/site-document-import";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { decodeInstructionFile } from "@/lib/ins/decode";
import { packageInputSchema } from "@/lib/packages/schema";
import { TEST_ADMINISTRATOR } from "../support/actors";
import { demoJobInput } from "../support/job-input";
import { resetDatabase } from "../support/reset-database";

/**
 * Issue 14, item 4: a real full filesystem (a small tmpfs holding the database). Saves answer one
 * clear message and change nothing, clients still get their instruction files, /health names the
 * failed write, and once space returns the next save works in the same process (no restart).
 */
const CLIENT = "MDM00005";
const DISK_FULL = "the database disk is full; nothing was saved";
const mountPoint = mkdtempSync(path.join(os.tmpdir(), "sms-disk-full-"));
const databaseFile = path.join(mountPoint, "sms.db");
const filler = path.join(mountPoint, "filler");
// SQLite's file is what fills the disk; PostgreSQL's disk is its server's. Mounting needs root (or
// CAP_SYS_ADMIN); where it is refused, say so and skip rather than pass.
const isSqlite = inject("databaseProvider") === "sqlite";
const mount = isSqlite ? spawnSync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint], { encoding: "utf8" }) : null;
const isMounted = mount?.status === 0;
if (mount && !isMounted) console.warn(`SKIPPED disk-full tests: mounting a tmpfs was refused (${(mount.stderr || mount.error?.message || "").trim()})`);

const office = packageInputSchema.parse({ siteCode: "BPC", name: "Office on a full disk", commandLines: [{ commandName: "Complete", commandLine: "setup.exe /q", supportedPlatforms: ["WIN16"] }] });

/** Writes until the filesystem answers ENOSPC, in smaller and smaller pieces, so not one byte is left. */
function fillTheDisk() {
  const descriptor = openSync(filler, "a");
  try {
    for (let size = 1 << 16; size >= 1; size >>= 1) {
      const bytes = Buffer.alloc(size, 0x46);
      for (;;) {
        try {
          writeSync(descriptor, bytes);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOSPC") break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(descriptor);
  }
}

/** The modules again, on the database in the tmpfs: lib/db reads DATABASE_URL once, when first imported. */
async function onTheSmallDisk() {
  vi.resetModules();
  delete (globalThis as { prisma?: unknown }).prisma;
  process.env.DATABASE_URL = `file:${databaseFile}`;
  return {
    db: (await import("@/lib/db")).db,
    createPackage: (await import("@/lib/data/packages/packages")).createPackage,
    fetchRoute: (await import("@/app/pcmins.box/[fileName]/route")).GET,
    flushFetchLog: (await import("@/lib/data/instruction-box/instruction-box-access")).flushInstructionFileFetches,
    healthRoute: (await import("@/app/health/route")).GET,
    fromDomainError: (await import("@/lib/action-state")).fromDomainError,
  };
}

let small: Awaited<ReturnType<typeof onTheSmallDisk>>;

beforeAll(async () => {
  if (!isMounted) return;
  await resetDatabase();
  await importSiteDocument(buildDemoSiteDocument());
  const input = await demoJobInput({ target: { kind: "COMPUTERS", smsIds: [CLIENT] }, runPhase: { offerAfter: "2020-01-01T08:00:00", isExpiring: false, expireAfter: undefined } });
  await activateJob({ jobId: await createJob({ input }) });
  // Closing checkpoints the WAL into the file, so the copy is the whole database.
  await db.$disconnect();
  copyFileSync(process.env.DATABASE_URL!.replace(/^file:/, ""), databaseFile);
  expect(statSync(databaseFile).size).toBeLessThan(6 * 1024 * 1024);
  small = await onTheSmallDisk();
  // Open the connection (WAL and shared-memory files) and empty the WAL while there is room.
  await small.db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  fillTheDisk();
});

afterAll(async () => {
  if (isMounted) {
    await small?.db.$disconnect();
    spawnSync("umount", [mountPoint]);
  }
  rmSync(mountPoint, { recursive: true, force: true });
  bindProcessActor(TEST_ADMINISTRATOR);
});

function fetchInstructionFile() {
  const fileName = `${CLIENT}.INS`;
  return small.fetchRoute(new Request(`http://console.test/pcmins.box/${fileName}`), { params: Promise.resolve({ fileName }) });
}

describe.runIf(isMounted)("a full disk", () => {
  it("fails /health's write check, naming it, while its read check passes", async () => {
    const response = await small.healthRoute();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unavailable", failedCheck: "write", checks: { read: { isOk: true }, write: { isOk: false, error: DISK_FULL } } });
  });

  it("answers a save with one clear message and saves nothing", async () => {
    const before = await small.db.package.count();
    const error = await small.createPackage({ input: office }).then(() => null, (caught: unknown) => caught);
    expect(error).not.toBeNull();
    // What the form shows: the action state a server action returns for this error.
    expect(small.fromDomainError(error, { name: office.name })).toEqual({ status: "error", message: DISK_FULL, fieldErrors: {}, values: { name: office.name } });
    expect(await small.db.package.count()).toBe(before);
  });

  it("still serves clients their instruction files (the fetch log is not written, and says so)", async () => {
    bindProcessActor(undefined);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = await fetchInstructionFile();
      expect(response.status).toBe(200);
      expect(decodeInstructionFile(new Uint8Array(await response.arrayBuffer()))).toHaveLength(1);
      // The fetch log is written in batches after the answer; the batch that cannot be written is reported.
      await small.flushFetchLog();
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^The instruction file fetch log could not be written; \d+ fetch\(es\) are not logged/));
    } finally {
      errors.mockRestore();
      bindProcessActor(TEST_ADMINISTRATOR);
    }
  });

  it("saves again once space returns, without a restart, and the database is intact", async () => {
    rmSync(filler);
    const packageId = await small.createPackage({ input: office });
    expect(await small.db.package.findUnique({ where: { packageId }, select: { name: true } })).toEqual({ name: office.name });
    expect((await small.healthRoute()).status).toBe(200);
    expect(await small.db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
  });
});

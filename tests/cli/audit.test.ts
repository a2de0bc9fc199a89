import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordRepeatedAuditEvent } from "@/lib/data/audit/audit";
import { AUDIT_CSV_COLUMNS } from "@/lib/audit/csv";

const workDirectory = mkdtempSync(path.join(os.tmpdir(), "sms-audit-"));

function sms(args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env }, cwd: workDirectory, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const row = (at: string, detail: string) => ({ at: new Date(at), actorName: "someone@example.com", action: "package.update", outcome: "success", objectType: "package", objectId: "BPC00001", detail });

beforeEach(async () => {
  await db.auditEvent.deleteMany();
});

afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

describe("sms audit prune", () => {
  it("exports the rows from before the date, oldest first, then removes exactly those", async () => {
    await db.auditEvent.createMany({
      data: [row("2025-01-31T23:59:59Z", "old, with a comma"), row("2024-06-01T00:00:00Z", "older"), row("2025-02-01T00:00:00Z", "kept: on the day"), row("2026-11-01T12:00:00Z", "kept: recent")],
    });
    const result = sms(["audit", "prune", "--before", "2025-02-01", "--export", "archive.csv"]);
    expect(result).toEqual({ code: 0, stdout: "Exported 2 audit rows from before 2025-02-01 to archive.csv, then removed 2.\n", stderr: "" });
    const lines = readFileSync(path.join(workDirectory, "archive.csv"), "utf8").split("\r\n");
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(","));
    expect(lines.slice(1, -1).map((line) => line.split(",")[1])).toEqual(["2025-01-31T23:59:59.000Z", "2024-06-01T00:00:00.000Z"]);
    expect(lines[1]).toContain('"old, with a comma"');
    const left = await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { action: true, detail: true } });
    expect(left.map((event) => event.detail)).toEqual(["kept: on the day", "kept: recent", expect.stringMatching(/^removed 2 rows from before 2025-02-01T00:00:00\.000Z, exported first$/)]);
    expect(left[2]!.action).toBe("audit.prune");
    // No temporary file is left beside the export.
    expect(readdirSync(workDirectory).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("does nothing when no row is that old", async () => {
    await db.auditEvent.create({ data: row("2026-11-01T12:00:00Z", "recent") });
    expect(sms(["audit", "prune", "--before", "2020-01-01", "--export", "none.csv"]).stdout).toBe("No audit rows from before 2020-01-01; nothing exported or removed.\n");
    expect(existsSync(path.join(workDirectory, "none.csv"))).toBe(false);
    expect(await db.auditEvent.count()).toBe(1);
  });

  it.each<[string[], RegExp]>([
    [["audit", "prune", "--before", "2025-02-01"], /^sms: audit prune needs --before DATE and --export FILE/],
    [["audit", "prune", "--before", "2025-02-30", "--export", "x.csv"], /^sms: --before must be a date, YYYY-MM-DD \(got "2025-02-30"\)\n$/],
    [["audit", "prune", "--before", "2999-01-01", "--export", "x.csv"], /^sms: --before 2999-01-01 is in the future/],
    [["audit", "prune", "--before", "2025-02-01", "--export", "taken.csv"], /^sms: --export taken\.csv already exists/],
    [["audit", "prune", "--before", "2025-02-01", "--export", "missing/x.csv"], /^sms: --export: directory .* does not exist/],
    [["audit", "purge"], /^sms: unknown audit command "purge"/],
  ])("refuses %j with one clear message and removes nothing", async (args, stderr) => {
    writeFileSync(path.join(workDirectory, "taken.csv"), "keep");
    await db.auditEvent.create({ data: row("2024-01-01T00:00:00Z", "old") });
    const result = sms(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(stderr);
    expect(await db.auditEvent.count()).toBe(1);
    expect(readFileSync(path.join(workDirectory, "taken.csv"), "utf8")).toBe("keep");
  });
});

describe("repeated anonymous refusals", () => {
  const entry = (address: string) => ({ actor: null, address, action: "auth.sign-in", outcome: "failure" as const, objectType: "user", detail: "wrong e-mail or password", repeatKey: `auth.sign-in failure ${address}` });

  it("share one row per client and 15-minute window", async () => {
    const start = new Date("2026-11-21T10:00:00Z");
    for (let minute = 0; minute < 10; minute++) await recordRepeatedAuditEvent(db, entry("192.0.2.1"), new Date(start.getTime() + minute * 60_000));
    await recordRepeatedAuditEvent(db, entry("192.0.2.2"), start);
    // Past the window the next one starts a new row.
    await recordRepeatedAuditEvent(db, entry("192.0.2.1"), new Date(start.getTime() + 16 * 60_000));
    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { address: true, at: true, repeats: true, lastAt: true } });
    expect(rows).toEqual([
      { address: "192.0.2.1", at: start, repeats: 10, lastAt: new Date("2026-11-21T10:09:00Z") },
      { address: "192.0.2.2", at: start, repeats: 1, lastAt: null },
      { address: "192.0.2.1", at: new Date("2026-11-21T10:16:00Z"), repeats: 1, lastAt: null },
    ]);
  });
});

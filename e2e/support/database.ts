import Database from "better-sqlite3";
import pg from "pg";
import { E2E_DATABASE_FILE, e2eDatabaseUrl, isPostgresql } from "./database-url";

// The e2e server's database, read directly to prove what did not change.

async function query<T>(sql: string, parameters: unknown[] = [], options: { write?: boolean } = {}): Promise<T[]> {
  if (isPostgresql) {
    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    try {
      return (await client.query(sql.replace(/\?/g, (_, offset: number) => `$${sql.slice(0, offset).split("?").length}`), parameters)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const database = new Database(E2E_DATABASE_FILE, { readonly: !options.write, fileMustExist: true });
  try {
    const statement = database.prepare(sql);
    return (statement.reader ? statement.all(...parameters) : (statement.run(...parameters), [])) as T[];
  } finally {
    database.close();
  }
}

/** Tables that a refused request may legitimately write to: the record of the refusal itself. */
const BOOKKEEPING_TABLES = new Set(["AuditEvent", "InstructionFileFetch", "SignInThrottle", "RateLimit", "Session", "Verification", "_prisma_migrations", "_sms_migrations"]);

/** Row counts of every table that holds console data or accounts. */
export async function countRows(): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    isPostgresql ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'" : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (BOOKKEEPING_TABLES.has(name)) continue;
    counts[name] = Number((await query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${name}"`))[0]!.n);
  }
  return counts;
}

export interface AuditRow {
  id: number;
  action: string;
  outcome: string;
  actorName: string;
  objectType: string;
}

export async function auditRows(where: { action?: string; outcome?: string; since?: number }): Promise<AuditRow[]> {
  const rows = await query<AuditRow>(`SELECT id, action, outcome, "actorName", "objectType" FROM "AuditEvent" WHERE id > ? ORDER BY id`, [where.since ?? 0]);
  return rows.filter((row) => (where.action === undefined || row.action === where.action) && (where.outcome === undefined || row.outcome === where.outcome));
}

export async function lastAuditId(): Promise<number> {
  return Number((await query<{ id: number | string }>(`SELECT COALESCE(MAX(id), 0) AS id FROM "AuditEvent"`))[0]!.id);
}

/** Stored as Prisma writes DateTime: ISO text in SQLite, a timestamp in PostgreSQL. */
function storedTime(at: Date): string {
  return isPostgresql ? at.toISOString() : at.toISOString().replace("Z", "+00:00");
}

/**
 * Moves a user's sessions back in time, as if their last request (updatedAt) or their absolute end
 * (expiresAt) had come: the same rows a session left alone for that long would have.
 */
export async function ageSessions(email: string, times: { lastRequestAt?: Date; expiresAt?: Date }): Promise<void> {
  const [user] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = ?`, [email]);
  if (!user) throw new Error(`no user ${email}`);
  if (times.lastRequestAt) await query(`UPDATE "Session" SET "updatedAt" = ? WHERE "userId" = ?`, [storedTime(times.lastRequestAt), user.id], { write: true });
  if (times.expiresAt) await query(`UPDATE "Session" SET "expiresAt" = ? WHERE "userId" = ?`, [storedTime(times.expiresAt), user.id], { write: true });
}

export interface AuditEventSeen {
  address: string | null;
  outcome: string;
  repeats: number;
}

/** The audit rows of one action written since an id, oldest first, with where they came from. */
export async function auditEventsSince(action: string, since: number): Promise<AuditEventSeen[]> {
  const rows = await query<AuditEventSeen>(`SELECT address, outcome, repeats FROM "AuditEvent" WHERE id > ? AND action = ? ORDER BY id`, [since, action]);
  return rows.map((row) => ({ ...row, repeats: Number(row.repeats) }));
}

/**
 * Ends the current sign-in window of every address, as 15 minutes passing would: a spec that used
 * up its address's attempts leaves the next specs able to sign in.
 */
export async function endAddressSignInWindows(): Promise<void> {
  await query(`DELETE FROM "SignInThrottle" WHERE key LIKE 'address:%'`, [], { write: true });
}

/**
 * How many events of an action each outcome's rows stand for, over the whole trail: repeated
 * anonymous refusals add to a row that may be older than the test, so tests compare these totals.
 */
export async function auditEventTotals(action: string): Promise<Record<string, number>> {
  const rows = await query<{ outcome: string; total: number | string }>(`SELECT outcome, SUM(repeats) AS total FROM "AuditEvent" WHERE action = ? GROUP BY outcome`, [action]);
  return Object.fromEntries(rows.map((row) => [row.outcome, Number(row.total)]));
}

/** Every address the trail records for an action. */
export async function auditAddresses(action: string): Promise<string[]> {
  return (await query<{ address: string | null }>(`SELECT DISTINCT address FROM "AuditEvent" WHERE action = ?`, [action])).map((row) => row.address ?? "");
}

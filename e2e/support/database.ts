import path from "node:path";
import Database from "better-sqlite3";

/** The e2e server's database (scripts/e2e-server.mjs), read directly to prove what did not change. */
const DATABASE_FILE = path.join(__dirname, "..", "..", "data", "e2e.db");

/** Tables that a refused request may legitimately write to: the record of the refusal itself. */
const BOOKKEEPING_TABLES = new Set(["AuditEvent", "InstructionFileFetch", "SignInThrottle", "RateLimit", "Session", "Verification", "_prisma_migrations"]);

/** Row counts of every table that holds console data or accounts. */
export function countRows(): Record<string, number> {
  const database = new Database(DATABASE_FILE, { readonly: true, fileMustExist: true });
  try {
    const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      if (BOOKKEEPING_TABLES.has(name)) continue;
      counts[name] = (database.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
    }
    return counts;
  } finally {
    database.close();
  }
}

export function auditRows(where: { action?: string; outcome?: string; since?: number }): { id: number; action: string; outcome: string; actorName: string; objectType: string }[] {
  const database = new Database(DATABASE_FILE, { readonly: true, fileMustExist: true });
  try {
    return database
      .prepare(`SELECT id, action, outcome, actorName, objectType FROM AuditEvent WHERE id > ? AND (? IS NULL OR action = ?) AND (? IS NULL OR outcome = ?) ORDER BY id`)
      .all(where.since ?? 0, where.action ?? null, where.action ?? null, where.outcome ?? null, where.outcome ?? null) as never;
  } finally {
    database.close();
  }
}

export function lastAuditId(): number {
  const database = new Database(DATABASE_FILE, { readonly: true, fileMustExist: true });
  try {
    return (database.prepare("SELECT COALESCE(MAX(id), 0) AS id FROM AuditEvent").get() as { id: number }).id;
  } finally {
    database.close();
  }
}

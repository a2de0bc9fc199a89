import { db } from "@/lib/db";
import { inject } from "vitest";

/**
 * Counts every row written to the console's own tables, by triggers on each of them, so a fuzz run
 * can prove that a refused request changed nothing with one small read. Tables that record the
 * refusal itself (audit, fetch log, sign-in limit, sessions) are left out, as in the e2e checks.
 */
const BOOKKEEPING_TABLES = new Set(["AuditEvent", "InstructionFileFetch", "SignInThrottle", "RateLimit", "Session", "Verification", "_prisma_migrations", "_sms_migrations", "pgmigrations"]);

const isPostgresql = () => inject("databaseProvider") === "postgresql";

export async function installChangeCounter(): Promise<void> {
  if (isPostgresql()) {
    await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_fuzz_changes" (n BIGINT NOT NULL)`);
    await db.$executeRawUnsafe(`INSERT INTO "_fuzz_changes" (n) VALUES (0)`);
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION fuzz_count_change() RETURNS trigger AS $$ BEGIN UPDATE "_fuzz_changes" SET n = n + 1; RETURN NULL; END $$ LANGUAGE plpgsql`);
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    for (const { name } of tables) {
      if (BOOKKEEPING_TABLES.has(name) || name === "_fuzz_changes") continue;
      await db.$executeRawUnsafe(`CREATE TRIGGER "fuzz_${name}" AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_change()`);
    }
    return;
  }
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_fuzz_changes" (n INTEGER NOT NULL)`);
  await db.$executeRawUnsafe(`INSERT INTO "_fuzz_changes" (n) VALUES (0)`);
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  for (const { name } of tables) {
    if (BOOKKEEPING_TABLES.has(name) || name === "_fuzz_changes") continue;
    for (const event of ["INSERT", "UPDATE", "DELETE"]) {
      await db.$executeRawUnsafe(`CREATE TRIGGER "fuzz_${name}_${event}" AFTER ${event} ON "${name}" BEGIN UPDATE "_fuzz_changes" SET n = n + 1; END`);
    }
  }
}

/** Rows written to the console's tables since the counter was installed. */
export async function changeCount(): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint | string }[]>(`SELECT n FROM "_fuzz_changes"`);
  return Number(row!.n);
}

import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { databaseProvider, databaseUrl, sqliteFilePath } from "../env";
import { SQLITE_BUSY_TIMEOUT_MS } from "./sqlite-adapter";

/**
 * Rows as arrays, straight from the driver on a read connection of its own. For the few reads of
 * tens of thousands of rows (a review's targets), where Prisma's raw-result mapping (a copy of each
 * row, a type check per value, then an object per row) costs twice the read itself. It sees
 * committed data only: never use it for a read that must see a transaction's own writes.
 * Values are the driver's: SQLite gives booleans as 0 or 1, PostgreSQL as booleans.
 */
export type ArrayReader = (query: Prisma.Sql) => Promise<unknown[][]>;

type Reader = { url: string; read: ArrayReader; close: () => void };
let current: Reader | null = null;

function sqliteReader(url: string): Reader {
  const connection = new Database(sqliteFilePath(url), { timeout: SQLITE_BUSY_TIMEOUT_MS });
  connection.pragma("query_only = ON");
  const statements = new Map<string, Database.Statement>();
  const read: ArrayReader = async (query) => {
    let statement = statements.get(query.sql);
    if (!statement) {
      if (statements.size >= 64) statements.clear(); // IN lists of many lengths must not grow it without end
      statements.set(query.sql, (statement = connection.prepare(query.sql).raw(true)));
    }
    return statement.all(...query.values) as unknown[][];
  };
  return { url, read, close: () => connection.close() };
}

function postgresqlReader(url: string): Reader {
  // Idle connections must not keep a CLI process alive.
  const pool = new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
  // An idle connection the server ends (a restart, a dropped database) is only dropped from the pool,
  // as Prisma's adapter does; unhandled, its error event would end the process.
  pool.on("error", () => undefined);
  const read: ArrayReader = async (query) => (await pool.query<unknown[]>({ text: query.text, values: query.values, rowMode: "array" })).rows;
  return { url, read, close: () => void pool.end().catch(() => undefined) };
}

/** The reader for DATABASE_URL (a new one if it changed, as tests do between files). */
export function arrayReader(): ArrayReader {
  const url = databaseUrl();
  if (current?.url !== url) {
    current?.close();
    current = databaseProvider(url) === "postgresql" ? postgresqlReader(url) : sqliteReader(url);
  }
  return current.read;
}

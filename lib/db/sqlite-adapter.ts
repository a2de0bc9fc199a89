import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

// WAL lets readers run beside the writer; synchronous=FULL because better-sqlite3 defaults to
// NORMAL, which can lose acknowledged commits on power loss.
const CONNECTION_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
];

async function applyPragmas(adapter: SqlDriverAdapter): Promise<SqlDriverAdapter> {
  for (const sql of CONNECTION_PRAGMAS) {
    await adapter.queryRaw({ sql, args: [], argTypes: [] });
  }
  return adapter;
}

/** The better-sqlite3 driver adapter with the console's durability settings on every connection. */
export class DurableSqliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite";
  readonly adapterName: string;
  readonly #inner: PrismaBetterSQLite3;

  constructor(url: string) {
    this.#inner = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return applyPragmas(await this.#inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return applyPragmas(await this.#inner.connectToShadowDb());
  }
}

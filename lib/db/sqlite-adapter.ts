import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
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

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

async function applyPragmas(adapter: SqlDriverAdapter): Promise<SqlDriverAdapter> {
  for (const sql of CONNECTION_PRAGMAS) await adapter.queryRaw(statement(sql));
  return adapter;
}

/** One transaction at a time on the connection: a queue of waiters, each handed the lock in turn. */
class TransactionLock {
  #tail: Promise<void> = Promise.resolve();

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => released);
    await previous;
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      release();
    };
  }
}

/** SQLite says so when a failed statement or COMMIT has already rolled the transaction back. */
const isNoTransactionActive = (error: unknown) => error instanceof Error && /no transaction is active/i.test(error.message);

/**
 * A transaction on the shared connection. It ends itself (usePhantomQuery) so that the lock is
 * released whatever COMMIT or ROLLBACK does: a failed COMMIT (disk full, deferred constraint) is
 * rolled back, and a ROLLBACK after SQLite already rolled back is not an error.
 */
class ImmediateTransaction implements Transaction {
  readonly options = { usePhantomQuery: true };
  readonly provider;
  readonly adapterName;
  readonly #connection: SqlDriverAdapter;
  readonly #release: () => void;

  constructor(connection: SqlDriverAdapter, release: () => void) {
    this.#connection = connection;
    this.#release = release;
    this.provider = connection.provider;
    this.adapterName = connection.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#connection.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#connection.executeRaw(query);
  }

  async commit(): Promise<void> {
    try {
      await this.#connection.executeRaw(statement("COMMIT"));
    } catch (error) {
      // The COMMIT's error says what went wrong; a ROLLBACK that fails as well adds nothing to it.
      await this.#rollBack().catch(() => undefined);
      throw error;
    } finally {
      this.#release();
    }
  }

  async rollback(): Promise<void> {
    try {
      await this.#rollBack();
    } finally {
      this.#release();
    }
  }

  async #rollBack(): Promise<void> {
    try {
      await this.#connection.executeRaw(statement("ROLLBACK"));
    } catch (error) {
      if (!isNoTransactionActive(error)) throw error;
    }
  }
}

/**
 * The better-sqlite3 connection with its transactions replaced (issue 14, items 4 and 5):
 *  - @prisma/adapter-better-sqlite3 6.19.3 keeps its transaction mutex when BEGIN, COMMIT or
 *    ROLLBACK fails (prisma/orm#29933), so one full disk wedged every later save until restart;
 *    here the lock is released on every path.
 *  - Its deferred BEGIN upgrades to a write lock after a read, and SQLite does not wait (busy
 *    timeout) on that upgrade; BEGIN IMMEDIATE takes the write lock first, and waits for it.
 */
export class ImmediateTransactionAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  readonly #connection: SqlDriverAdapter;
  readonly #lock = new TransactionLock();

  constructor(connection: SqlDriverAdapter) {
    this.#connection = connection;
    this.provider = connection.provider;
    this.adapterName = connection.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#connection.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#connection.executeRaw(query);
  }

  executeScript(script: string): Promise<void> {
    return this.#connection.executeScript(script);
  }

  dispose(): Promise<void> {
    return this.#connection.dispose();
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite transactions are serializable; the driver refuses any other level with its own error.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") return this.#connection.startTransaction(isolationLevel);
    const release = await this.#lock.acquire();
    try {
      await this.#connection.executeRaw(statement("BEGIN IMMEDIATE"));
    } catch (error) {
      release();
      throw error;
    }
    return new ImmediateTransaction(this.#connection, release);
  }
}

/** The better-sqlite3 driver adapter with the console's durability settings and transactions on every connection. */
export class DurableSqliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite";
  readonly adapterName: string;
  readonly #inner: PrismaBetterSQLite3;

  constructor(url: string) {
    this.#inner = new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
    this.adapterName = this.#inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return new ImmediateTransactionAdapter(await applyPragmas(await this.#inner.connect()));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new ImmediateTransactionAdapter(await applyPragmas(await this.#inner.connectToShadowDb()));
  }
}

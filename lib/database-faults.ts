/**
 * Database faults (disk full, lock held, read-only, damaged file, server unreachable) recognised in
 * whatever shape they arrive: better-sqlite3's SqliteError, Prisma's known and initialization errors
 * (whose driver error sits in `meta.driverAdapterError.cause`), pg's SQLSTATEs and socket errors.
 * Read by duck typing, so this stays free of Prisma and runs in the app, the CLI and tests alike.
 */
export type DatabaseFaultKind = "full" | "locked" | "read-only" | "corrupt" | "io" | "unreachable";

export const DATABASE_FAULT_MESSAGES: Record<DatabaseFaultKind, string> = {
  full: "the database disk is full; nothing was saved",
  locked: "the database is busy: another program holds its lock; nothing was saved, try again",
  "read-only": "the database is read-only or cannot be opened for writing; nothing was saved",
  corrupt: "the database file is damaged; nothing was saved (restore it from a backup)",
  io: "the database file could not be read or written (I/O error); nothing was saved",
  unreachable: "the database cannot be reached; nothing was saved, try again",
};

export interface DatabaseFault {
  kind: DatabaseFaultKind;
  message: string;
}

/** SQLite result codes (extended codes share the primary code's prefix). */
const SQLITE_KINDS: [RegExp, DatabaseFaultKind][] = [
  [/^SQLITE_FULL/, "full"],
  [/^SQLITE_(BUSY|LOCKED)/, "locked"],
  // A read-only filesystem or file stops SQLite opening its WAL: CANTOPEN, not READONLY.
  [/^SQLITE_(READONLY|CANTOPEN|PERM)/, "read-only"],
  [/^SQLITE_(CORRUPT|NOTADB)/, "corrupt"],
  [/^SQLITE_IOERR/, "io"],
];

/** PostgreSQL SQLSTATEs and Node socket errors. */
const POSTGRESQL_KINDS: [RegExp, DatabaseFaultKind][] = [
  [/^53100$/, "full"],
  [/^(55P03|40P01)$/, "locked"],
  [/^25006$/, "read-only"],
  [/^XX00[12]$/, "corrupt"],
  [/^(08...|57P0[123]|53300|3D000|28P01|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|EAI_AGAIN|EPIPE)$/, "unreachable"],
];

/** Prisma's own codes and driver-adapter kinds that mean the database, not the request, failed. */
const PRISMA_KINDS: Record<string, DatabaseFaultKind> = {
  P1001: "unreachable",
  P1002: "unreachable",
  P1003: "unreachable",
  P1017: "unreachable",
  P2024: "locked",
  P2028: "locked",
  DatabaseNotReachable: "unreachable",
  DatabaseDoesNotExist: "unreachable",
  ConnectionClosed: "unreachable",
  TlsConnectionError: "unreachable",
  TooManyConnections: "unreachable",
};

const POSTGRESQL_CLOSED = /Connection terminated|Can't reach database server|connect ECONNREFUSED/i;

/** The error, its causes and Prisma's wrapped driver error, each once. */
function chainOf(error: unknown): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = [];
  const pending: unknown[] = [error];
  while (pending.length && chain.length < 10) {
    const next = pending.shift();
    if (typeof next !== "object" || next === null || chain.includes(next as Record<string, unknown>)) continue;
    const link = next as Record<string, unknown>;
    chain.push(link);
    const meta = link.meta as Record<string, unknown> | undefined;
    pending.push(link.cause, meta?.driverAdapterError);
  }
  return chain;
}

const textOf = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export function databaseFaultOf(error: unknown): DatabaseFault | null {
  const chain = chainOf(error);
  const codes = chain.flatMap((link) => [link.code, link.originalCode, link.errorCode].map(textOf).filter((code): code is string => code !== undefined));
  const kindOf = (): DatabaseFaultKind | undefined => {
    for (const code of codes) {
      const found = [...SQLITE_KINDS, ...POSTGRESQL_KINDS].find(([pattern]) => pattern.test(code));
      if (found) return found[1];
    }
    for (const link of chain) {
      const kind = PRISMA_KINDS[textOf(link.kind) ?? ""] ?? PRISMA_KINDS[textOf(link.code) ?? ""] ?? PRISMA_KINDS[textOf(link.errorCode) ?? ""];
      if (kind) return kind;
    }
    // A timeout with no SQLite code behind it is the server not answering.
    if (chain.some((link) => link.kind === "SocketTimeout" || link.code === "P1008")) return "unreachable";
    if (chain.some((link) => POSTGRESQL_CLOSED.test(textOf(link.message) ?? ""))) return "unreachable";
    return undefined;
  };
  const kind = kindOf();
  return kind ? { kind, message: DATABASE_FAULT_MESSAGES[kind] } : null;
}

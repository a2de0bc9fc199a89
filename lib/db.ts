import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresqlPrismaClient } from "@/generated/prisma-postgresql/client";
import { DurableSqliteAdapterFactory } from "./db/sqlite-adapter";
import { databaseProvider, databaseUrl, sqliteFilePath } from "./env";

/**
 * The client for DATABASE_URL: SQLite through better-sqlite3 (file:), PostgreSQL through pg
 * (postgresql://). Both clients are generated from prisma/schema.prisma and differ only in the
 * provider Prisma checks against the adapter, so the PostgreSQL one is typed as the SQLite one.
 */
function createPrismaClient(): PrismaClient {
  const url = databaseUrl();
  if (databaseProvider(url) === "postgresql") {
    const client = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions: TRANSACTION_OPTIONS });
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new DurableSqliteAdapterFactory(`file:${sqliteFilePath(url)}`), transactionOptions: TRANSACTION_OPTIONS });
}

/**
 * Prisma's defaults (2 s to get a connection, 5 s to finish) refused saves on a busy 2-core machine
 * when many arrive at once (30 concurrent job creations, two instances creating 2,000 jobs): a
 * save waits its turn instead. Long work (Send, site import) sets its own limits.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

// One client per process; dev reloads would otherwise open a new connection on every edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

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
    const client = new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new DurableSqliteAdapterFactory(`file:${sqliteFilePath(url)}`) });
}

// One client per process; dev reloads would otherwise open a new connection on every edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

import "server-only";
import { PrismaClient } from "@/generated/prisma/client";
import { DurableSqliteAdapterFactory } from "./db/sqlite-adapter";
import { databaseProvider, databaseUrl, sqliteFilePath } from "./env";

function createPrismaClient(): PrismaClient {
  const url = databaseUrl();
  const provider = databaseProvider(url);
  if (provider !== "sqlite") throw new Error(`DATABASE_URL: ${provider} is not supported yet; use a file: URL`);
  return new PrismaClient({ adapter: new DurableSqliteAdapterFactory(`file:${sqliteFilePath(url)}`) });
}

// One client per process; dev reloads would otherwise open a new connection on every edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

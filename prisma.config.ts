import path from "node:path";
import { defineConfig } from "prisma/config";
import { DurableSqliteAdapterFactory } from "./lib/db/sqlite-adapter";
import { databaseUrl, sqliteFilePath } from "./lib/env";

// Prisma 7's CLI downloads a native schema engine, which this network cannot fetch; Prisma 6.19's
// JS engine runs migrations through the same driver adapter as the app (docs/decisions/001).
// The schema's datasource reads DATABASE_URL; without it Prisma falls back to fetching a native engine.
process.env.DATABASE_URL ??= databaseUrl();

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new DurableSqliteAdapterFactory(`file:${sqliteFilePath(databaseUrl())}`),
});

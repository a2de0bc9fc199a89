import { mkdirSync } from "node:fs";
import path from "node:path";

/** The embedded default: a SQLite file under data/, created on first start. */
export const DEFAULT_DATABASE_URL = "file:./data/sms.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function databaseProvider(url = databaseUrl()): DatabaseProvider {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url.split(":")[0]}:")`);
}

/** The SQLite file path of a file: URL, with its directory created so a first start just works. */
export function sqliteFilePath(url = databaseUrl()): string {
  const filePath = path.resolve(url.replace(/^file:/, ""));
  mkdirSync(path.dirname(filePath), { recursive: true });
  return filePath;
}

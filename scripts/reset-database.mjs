// npm run db:reset: delete the SQLite database file, migrate a new one and load the demo.
import { rmSync } from "node:fs";
import path from "node:path";
import { prepareDatabase, root } from "./prepare-database.mjs";

const url = process.env.DATABASE_URL || "file:./data/sms.db";
if (!url.startsWith("file:")) {
  console.error("db:reset only deletes SQLite files; drop a PostgreSQL database with its own tools.");
  process.exit(2);
}
const file = path.resolve(root, url.slice("file:".length));
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
console.log(`Deleted ${path.relative(root, file)}`);
prepareDatabase({ loadDemo: true });

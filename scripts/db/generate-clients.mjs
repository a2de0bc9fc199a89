// npm install (postinstall): generates the Prisma client of each database from prisma/schema.prisma.
// generate needs no database, but it reads DATABASE_URL to tell which engine to use: with a URL of
// the schema's own provider it uses the driver-adapter client and fetches no native engine.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root, writePostgresqlSchema } from "./postgresql-schema.mjs";

const prisma = path.join(root, "node_modules", ".bin", "prisma");
const generate = (schema, url) => {
  const result = spawnSync(prisma, ["generate", "--schema", schema], { cwd: root, stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
generate(path.join("prisma", "schema.prisma"), "file:./data/sms.db");
generate(path.relative(root, writePostgresqlSchema()), "postgresql://localhost/unused");

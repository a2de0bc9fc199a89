import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { createPostgresqlDatabase } from "./postgresql";

// Set before any test imports lib/db, which reads DATABASE_URL once.
const template = inject("templateDatabase");
const name = `file-${process.pid}-${Math.random().toString(36).slice(2)}`;
if (inject("databaseProvider") === "postgresql") {
  process.env.DATABASE_URL = await createPostgresqlDatabase(`${template.replace(/template$/, "")}${name.replace(/-/g, "_")}`, template);
} else {
  const copy = path.join(path.dirname(template), `${name}.db`);
  copyFileSync(template, copy);
  process.env.DATABASE_URL = `file:${copy}`;
}

// Data-layer tests act as an administrator unless a test binds another actor (tests/support/actors.ts).
const { bindProcessActor } = await import("@/lib/data/accounts/session");
const { TEST_ADMINISTRATOR } = await import("./actors");
bindProcessActor(TEST_ADMINISTRATOR);

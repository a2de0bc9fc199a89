import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// Set before any test imports lib/db, which reads DATABASE_URL once.
const template = inject("templateDatabase");
const copy = path.join(path.dirname(template), `file-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
copyFileSync(template, copy);
process.env.DATABASE_URL = `file:${copy}`;

// Data-layer tests act as an administrator unless a test binds another actor (tests/support/actors.ts).
const { bindProcessActor } = await import("@/lib/data/session");
const { TEST_ADMINISTRATOR } = await import("./actors");
bindProcessActor(TEST_ADMINISTRATOR);

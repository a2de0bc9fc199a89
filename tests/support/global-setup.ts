import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPostgresqlDatabase, dropPostgresqlDatabases } from "./postgresql";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database every test file starts from a copy of: a SQLite file, or a PostgreSQL database name. */
    templateDatabase: string;
    databaseProvider: "sqlite" | "postgresql";
  }
}

/** SMS_TEST_DATABASE=postgresql runs the suite on PostgreSQL; SQLite otherwise. */
export function testDatabaseProvider(): "sqlite" | "postgresql" {
  return process.env.SMS_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

function migrate(url: string): void {
  const result = spawnSync(process.execPath, [path.join(process.cwd(), "scripts", "db", "migrate.mjs")], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run db:migrate failed:\n${result.stdout}\n${result.stderr}`);
}

/** Migrates one template database; every test file starts from a copy of it. */
export default async function setup(project: TestProject) {
  const provider = testDatabaseProvider();
  project.provide("databaseProvider", provider);
  if (provider === "postgresql") {
    // Databases of this run share a prefix, so teardown drops them all, copies included.
    const prefix = `sms_test_${process.pid}_`;
    const template = `${prefix}template`;
    migrate(await createPostgresqlDatabase(template));
    project.provide("templateDatabase", template);
    return () => dropPostgresqlDatabases(prefix);
  }
  const directory = mkdtempSync(path.join(os.tmpdir(), "sms-console-tests-"));
  mkdirSync(directory, { recursive: true });
  const templateDatabase = path.join(directory, "template.db");
  migrate(`file:${templateDatabase}`);
  project.provide("templateDatabase", templateDatabase);
  return () => rmSync(directory, { recursive: true, force: true });
}

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates one template database; every test file starts from a copy of it. */
export default function setup(project: TestProject) {
  const directory = mkdtempSync(path.join(os.tmpdir(), "sms-console-tests-"));
  mkdirSync(directory, { recursive: true });
  const templateDatabase = path.join(directory, "template.db");
  const prisma = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  const result = spawnSync(prisma, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${templateDatabase}` },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  project.provide("templateDatabase", templateDatabase);
  return () => rmSync(directory, { recursive: true, force: true });
}

// Brings the database to the current schema and loads the demo on an empty one.
// Shared by `npm start` and the end-to-end test server, so both start the same way.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`\n${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/**
 * Runs a step whose output only matters when it fails (Prisma's migration tree and its driver-adapter
 * notes would bury the first administrator's link or the demo password): one line on success, all of
 * it on failure.
 */
export function runQuietly(command, args, summary, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", env });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    console.error(`\n${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(summary);
}

export function prepareDatabase({ loadDemo }) {
  runQuietly(process.execPath, [path.join(root, "scripts", "db", "migrate.mjs")], "Database: every migration applied.");
  if (loadDemo) run(process.execPath, [path.join(root, "bin", "sms.mjs"), "demo"]);
}

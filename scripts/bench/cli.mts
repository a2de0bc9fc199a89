// npm run bench:cli: how long `sms` takes to start and answer, beside `node -e 0` (the floor: Node
// itself) measured in the same run. `sms --help`, `sms rules` (no database) and `sms job show`
// (reads one job), on SQLite and on PostgreSQL, each the min and median of RUNS runs in a fresh
// process. Aim (issue 17): under 300 ms. Prints figures; asserts nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { dropPostgresqlDatabase, freshPostgresqlDatabase } from "../db/fresh-postgresql.mjs";

const RUNS = 7;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const sms = path.join(root, "bin", "sms.mjs");
const DATABASE = "sms_bench_cli";

function timeRuns(args: string[], env: NodeJS.ProcessEnv): { min: number; median: number } {
  const timings: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8" });
    timings.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  }
  timings.sort((a, b) => a - b);
  return { min: timings[0]!, median: timings[Math.floor(RUNS / 2)]! };
}

const directory = mkdtempSync(path.join(os.tmpdir(), "sms-bench-cli-"));
console.log(`CLI start-up: min / median of ${RUNS} runs, each a fresh process, on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown CPU"})\n`);
const line = (label: string, figures: { min: number; median: number }, floor?: { min: number; median: number }) =>
  console.log(`  ${label.padEnd(34)} ${figures.min.toFixed(0).padStart(6)} ms ${figures.median.toFixed(0).padStart(6)} ms${floor ? `   ${(figures.median - floor.median).toFixed(0).padStart(5)} ms over the floor (aim: under 300 ms in all)` : ""}`);

try {
  for (const kind of ["sqlite", "postgresql"] as const) {
    const url = kind === "postgresql" ? await freshPostgresqlDatabase(DATABASE) : `file:${path.join(directory, "cli.db")}`;
    const env = { ...process.env, DATABASE_URL: url };
    const migrate = spawnSync(process.execPath, [path.join(root, "scripts", "db", "migrate.mjs")], { cwd: root, env, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(migrate.stderr);
    const demo = spawnSync(process.execPath, [sms, "demo"], { cwd: root, env, encoding: "utf8" });
    if (demo.status !== 0) throw new Error(demo.stderr);
    console.log(`${kind === "sqlite" ? "SQLite" : "PostgreSQL"}${"".padEnd(29)}    min  median`);
    const floor = timeRuns(["-e", "0"], env);
    line("node -e 0 (the floor)", floor);
    line("sms --help", timeRuns([sms, "--help"], env), floor);
    line("sms rules", timeRuns([sms, "rules"], env), floor);
    line("sms job show BPC00001 (one row)", timeRuns([sms, "job", "show", "BPC00001"], env), floor);
    console.log("");
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
  await dropPostgresqlDatabase(DATABASE);
}

// npm run bench:cli: how long `sms` takes to start and answer, beside `node -e 0` (the floor: Node
// itself) measured in the same run. `sms --help`, `sms rules` (no database) and `sms job show`
// (reads one job), on SQLite and on PostgreSQL, each the min and median of RUNS runs in a fresh
// process. Aim (issue 17): under 300 ms. Prints figures; asserts nothing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { benchDatabaseName, dropPostgresqlDatabase, freshPostgresqlDatabase } from "../db/fresh-postgresql.mjs";

const RUNS = 7;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const sms = path.join(root, "bin", "sms.mjs");
const DATABASE = benchDatabaseName("cli");

// GNU time gives each run's CPU time (user + system): on a shared machine the wall clock mostly
// measures the neighbours, CPU time what the command itself costs.
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

function timeRuns(args: string[], env: NodeJS.ProcessEnv): { min: number; median: number; cpu: number | null } {
  const timings: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const result = gnuTime
      ? spawnSync(gnuTime, ["-f", "SMS_BENCH_CPU %U %S", process.execPath, ...args], { cwd: root, env, encoding: "utf8" })
      : spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8" });
    timings.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
    const measured = /SMS_BENCH_CPU ([\d.]+) ([\d.]+)/.exec(result.stderr);
    if (measured) cpu.push((Number(measured[1]) + Number(measured[2])) * 1000);
  }
  timings.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { min: timings[0]!, median: timings[Math.floor(RUNS / 2)]!, cpu: cpu.length > 0 ? cpu[Math.floor(cpu.length / 2)]! : null };
}

const directory = mkdtempSync(path.join(os.tmpdir(), "sms-bench-cli-"));
console.log(`CLI start-up: min / median of ${RUNS} runs, each a fresh process, on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown CPU"})\n`);
type Figures = ReturnType<typeof timeRuns>;
const line = (label: string, figures: Figures, floor?: Figures) =>
  console.log(
    `  ${label.padEnd(34)} ${figures.min.toFixed(0).padStart(6)} ms ${figures.median.toFixed(0).padStart(6)} ms ${figures.cpu === null ? "" : `${figures.cpu.toFixed(0).padStart(6)} ms CPU`}${floor ? `   ${(figures.median - floor.median).toFixed(0).padStart(5)} ms over the floor (aim: under 300 ms in all)` : ""}`,
  );

try {
  for (const kind of ["sqlite", "postgresql"] as const) {
    const url = kind === "postgresql" ? await freshPostgresqlDatabase(DATABASE) : `file:${path.join(directory, "cli.db")}`;
    const env = { ...process.env, DATABASE_URL: url };
    const migrate = spawnSync(process.execPath, [path.join(root, "scripts", "db", "migrate.mjs")], { cwd: root, env, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(migrate.stderr);
    const demo = spawnSync(process.execPath, [sms, "demo"], { cwd: root, env, encoding: "utf8" });
    if (demo.status !== 0) throw new Error(demo.stderr);
    console.log(`${(kind === "sqlite" ? "SQLite" : "PostgreSQL").padEnd(36)}    min  median  median CPU`);
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

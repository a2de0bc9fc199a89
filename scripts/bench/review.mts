// npm run bench:review: times the requirement review of a job with 10,000 targets (--targets=N for
// the scaling table: 1000, 10000, 50000): the rules alone on a synthetic context (the floor), then
// the whole review of a saved job (loading its context from the database, then the rules) on SQLite
// and on PostgreSQL, with the process's peak resident memory. Prints figures; asserts nothing
// (aims, issue 17: under 200 ms at 10,000 targets, under 1 s and 500 MB at 50,000).
// --database=sqlite|postgresql times one database only.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createRunVerdicts } from "../../lib/rules/will-target-run-command.ts";
import { reviewJob } from "../../lib/rules/review-job.ts";
import { syntheticReviewContext } from "../../lib/rules/synthetic-context.ts";

const TARGETS = Number(process.argv.find((argument) => argument.startsWith("--targets="))?.slice("--targets=".length) ?? 10_000);
const PROFILE = process.argv.find((argument) => argument.startsWith("--profile="))?.slice("--profile=".length);
const RUNS = 30;
const DATABASE_RUNS = 10;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const database = process.argv.find((argument) => argument.startsWith("--database="))?.slice("--database=".length);

const measure = (work: () => unknown) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};
const ms = (value: number) => `${value.toFixed(1).padStart(8)} ms`;

/** Imports a site of TARGETS computers and saves a job targeting all of them (in its own process, so its memory is not the review's). */
async function setUp(): Promise<void> {
  const { db } = await import("../../lib/db.ts");
  const { importInBatches } = await import("./import-in-batches.mts");
  const { createJob } = await import("../../lib/data/jobs/job-changes.ts");
  const { buildLargeSiteDocument } = await import("../../lib/demo/large-site-document.ts");
  const { jobInputSchema } = await import("../../lib/jobs/schema.ts");
  const { addDays, currentWallClock } = await import("../../lib/wall-clock.ts");
  const { bindProcessActor } = await import("../../lib/data/accounts/session.ts");
  bindProcessActor({ userId: null, name: "benchmark", role: "administrator", address: null, sessionId: null });
  await importInBatches(buildLargeSiteDocument({ computers: TARGETS, packages: 5 }));
  const line = await db.workstationCommandLine.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true, package: { select: { packageId: true, siteCode: true } } } });
  const input = jobInputSchema.parse({
    packageId: line.package.packageId,
    siteCode: line.package.siteCode,
    target: { kind: "QUERY" },
    sendPhase: { isEnabled: true },
    distributePhase: { putOnSpecifiedServers: true },
    runPhase: { isEnabled: true, commandLineId: line.id, offerAfter: addDays(currentWallClock(), -1) },
  });
  console.log(`JOB ${await createJob({ input })}`);
  await db.$disconnect();
}

/** The whole review of a saved job with TARGETS targets, on one database, beside the rules alone on the same context. */
async function benchmarkDatabase(kind: string): Promise<void> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "sms-bench-review-"));
  const { benchDatabaseName, dropPostgresqlDatabase, freshPostgresqlDatabase } = await import("../db/fresh-postgresql.mjs");
  const POSTGRESQL_DATABASE = benchDatabaseName(`review_${TARGETS}`);
  process.env.DATABASE_URL = kind === "postgresql" ? await freshPostgresqlDatabase(POSTGRESQL_DATABASE) : `file:${path.join(directory, "bench.db")}`;
  const migrate = spawnSync(process.execPath, [path.join(root, "scripts", "db", "migrate.mjs")], { cwd: root, encoding: "utf8", env: process.env });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  const setUpRun = spawnSync(process.execPath, ["--conditions=react-server", "--no-warnings", "--import", "tsx", fileURLToPath(import.meta.url), "--set-up", `--targets=${TARGETS}`], { cwd: root, encoding: "utf8", env: process.env, maxBuffer: 64 * 1024 * 1024 });
  const jobId = /^JOB (\S+)$/m.exec(setUpRun.stdout)?.[1];
  if (setUpRun.status !== 0 || !jobId) {
    // A failed set-up (e.g. the import outran its transaction timeout on a loaded machine) leaves nothing behind.
    rmSync(directory, { recursive: true, force: true });
    if (kind === "postgresql") await dropPostgresqlDatabase(POSTGRESQL_DATABASE);
    throw new Error(setUpRun.stderr || setUpRun.stdout);
  }

  const { db } = await import("../../lib/db.ts");
  const { reviewSavedJob } = await import("../../lib/data/review/job-review.ts");
  const { buildReviewContext } = await import("../../lib/data/review/review-context.ts");
  const { asJobState, jobInputOf } = await import("../../lib/data/jobs/job-mapping.ts");
  const { currentWallClock } = await import("../../lib/wall-clock.ts");
  const { bindProcessActor } = await import("../../lib/data/accounts/session.ts");
  bindProcessActor({ userId: null, name: "benchmark", role: "administrator", address: null, sessionId: null });
  const rssBefore = process.memoryUsage().rss;

  const timings: number[] = [];
  const rulesAlone: number[] = [];
  const cpuTimes: number[] = [];
  let targetCount = 0;
  // --profile=FILE writes a CPU profile of the warm reviews only (not the set-up) for DevTools.
  const session = PROFILE ? new Session() : null;
  const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session!.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  const job = await db.job.findUniqueOrThrow({ where: { jobId } });
  for (let run = 0; run <= DATABASE_RUNS; run++) {
    if (run === 1 && session) {
      session.connect();
      await post("Profiler.enable");
      await post("Profiler.setSamplingInterval", { interval: 200 });
      await post("Profiler.start");
    }
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await reviewSavedJob({ jobId, now: currentWallClock() });
    if (run > 0) timings.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    if (run > 0) cpuTimes.push((cpu.user + cpu.system) / 1000);
    targetCount = result?.targetCount ?? 0;
  }
  // Peak memory is the reviews' own: the floor below holds a whole context at once, as the rules alone need.
  const reviewPeakRssMb = process.resourceUsage().maxRSS / 1024;
  for (let run = 0; run <= DATABASE_RUNS && !session; run++) {
    // The floor in the same process, just after: the rules alone over the context loaded.
    const context = (await buildReviewContext({ jobId, state: asJobState(job.state), definition: jobInputOf(job), now: currentWallClock() }))!;
    const rulesStart = performance.now();
    reviewJob(context);
    if (run > 0) rulesAlone.push(performance.now() - rulesStart);
  }
  if (session) {
    const { profile } = (await post("Profiler.stop")) as { profile: unknown };
    writeFileSync(`${PROFILE}.${kind}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
  timings.sort((a, b) => a - b);
  rulesAlone.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  await db.$disconnect();
  const median = (values: number[]) => (values.length ? ms(values[Math.floor(values.length / 2)]!) : "       - ms");
  console.log(
    `${(kind === "postgresql" ? "PostgreSQL" : "SQLite").padEnd(10)} saved-job review, ${targetCount.toLocaleString("en-US")} targets: min ${ms(timings[0]!)}, median ${median(timings)} (${DATABASE_RUNS} warm runs; this process's CPU: median ${median(cpuTimes)}); ` +
      `the rules alone on its context: median ${median(rulesAlone)}; peak RSS of the reviews ${reviewPeakRssMb.toFixed(0)} MB (${(rssBefore / 1024 / 1024).toFixed(0)} MB before the first review); load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`,
  );
  rmSync(directory, { recursive: true, force: true });
  if (kind === "postgresql") await dropPostgresqlDatabase(POSTGRESQL_DATABASE);
}

if (process.argv.includes("--set-up")) {
  await setUp();
  process.exit(0);
}
if (database !== undefined) {
  await benchmarkDatabase(database);
  process.exit(0);
}

const context = syntheticReviewContext(TARGETS);
const cold = measure(() => reviewJob(context));
const timings = Array.from({ length: RUNS }, () => measure(() => reviewJob(context))).sort((a, b) => a - b);
const verdicts = measure(() => {
  const verdictOf = createRunVerdicts(context);
  for (const target of context.targets) verdictOf(target.smsId);
});
const review = reviewJob(context);

console.log(`Job review benchmark: ${TARGETS.toLocaleString("en-US")} targets, ${RUNS} runs\n`);
console.log(`first (cold) review            ${ms(cold)}`);
console.log(`median review                  ${ms(timings[Math.floor(RUNS / 2)]!)}`);
console.log(`slowest warm review            ${ms(timings[RUNS - 1]!)}`);
console.log(`run verdicts for every target  ${ms(verdicts)}`);
console.log(`\n${review.findings.length} findings, ${review.notChecked.length} rules not checked; peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);

console.log(`\nThe same review of a saved job, its context loaded from the database:\n`);
for (const kind of ["sqlite", "postgresql"]) {
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--no-warnings", "--import", "tsx", fileURLToPath(import.meta.url), `--database=${kind}`, `--targets=${TARGETS}`, ...(PROFILE ? [`--profile=${PROFILE}`] : [])], { cwd: root, stdio: "inherit", env: process.env });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

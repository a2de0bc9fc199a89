// npm run bench:review: times the requirement review of a job with 10,000 targets (--targets=N for
// the scaling table: 1000, 10000, 50000): the rules alone on a synthetic context (the floor), then
// the whole review of a saved job (loading its context from the database, then the rules) on SQLite
// and on PostgreSQL, with the process's peak resident memory. Prints figures; asserts nothing
// (aims, issue 17: under 200 ms at 10,000 targets, under 1 s and 500 MB at 50,000).
// --database=sqlite|postgresql times one database only.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createRunVerdicts } from "../../lib/rules/will-target-run-command.ts";
import { reviewJob } from "../../lib/rules/review-job.ts";
import { syntheticReviewContext } from "../../lib/rules/synthetic-context.ts";

const TARGETS = Number(process.argv.find((argument) => argument.startsWith("--targets="))?.slice("--targets=".length) ?? 10_000);
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

/** The whole review of a saved job with TARGETS targets, on one database (in its own process). */
async function benchmarkDatabase(kind: string): Promise<void> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "sms-bench-review-"));
  const { dropPostgresqlDatabase, freshPostgresqlDatabase } = await import("../db/fresh-postgresql.mjs");
  process.env.DATABASE_URL = kind === "postgresql" ? await freshPostgresqlDatabase("sms_bench_review") : `file:${path.join(directory, "bench.db")}`;
  const migrate = spawnSync(process.execPath, [path.join(root, "scripts", "db", "migrate.mjs")], { cwd: root, encoding: "utf8", env: process.env });
  if (migrate.status !== 0) throw new Error(migrate.stderr);
  const { db } = await import("../../lib/db.ts");
  const { importSiteDocument } = await import("../../lib/data/site-document-import.ts");
  const { createJob } = await import("../../lib/data/job-changes.ts");
  const { reviewSavedJob } = await import("../../lib/data/job-review.ts");
  const { buildLargeSiteDocument } = await import("../../lib/demo/large-site-document.ts");
  const { jobInputSchema } = await import("../../lib/jobs/schema.ts");
  const { addDays, currentWallClock } = await import("../../lib/wall-clock.ts");

  const { bindProcessActor } = await import("../../lib/data/session.ts");
  bindProcessActor({ userId: null, name: "benchmark", role: "administrator", address: null, sessionId: null });
  await importSiteDocument(buildLargeSiteDocument({ computers: TARGETS, packages: 5 }));
  const line = await db.workstationCommandLine.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true, package: { select: { packageId: true, siteCode: true } } } });
  const input = jobInputSchema.parse({
    packageId: line.package.packageId,
    siteCode: line.package.siteCode,
    target: { kind: "QUERY" },
    sendPhase: { isEnabled: true },
    distributePhase: { putOnSpecifiedServers: true },
    runPhase: { isEnabled: true, commandLineId: line.id, offerAfter: addDays(currentWallClock(), -1) },
  });
  const jobId = await createJob({ input });
  const timings: number[] = [];
  let targetCount = 0;
  for (let run = 0; run <= DATABASE_RUNS; run++) {
    const start = performance.now();
    const result = await reviewSavedJob({ jobId, now: currentWallClock() });
    if (run > 0) timings.push(performance.now() - start);
    targetCount = result?.targetCount ?? 0;
  }
  timings.sort((a, b) => a - b);
  await db.$disconnect();
  console.log(`${(kind === "postgresql" ? "PostgreSQL" : "SQLite").padEnd(10)} saved-job review, ${targetCount.toLocaleString("en-US")} targets: median ${ms(timings[Math.floor(timings.length / 2)]!)}, slowest ${ms(timings.at(-1)!)} (${DATABASE_RUNS} warm runs), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (set-up included)`);
  rmSync(directory, { recursive: true, force: true });
  if (kind === "postgresql") await dropPostgresqlDatabase("sms_bench_review");
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
  const run = spawnSync(process.execPath, ["--conditions=react-server", "--no-warnings", "--import", "tsx", fileURLToPath(import.meta.url), `--database=${kind}`, `--targets=${TARGETS}`], { cwd: root, stdio: "inherit", env: process.env });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

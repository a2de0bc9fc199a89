// npm run bench:status: Q140389's flood. 20,000 machines x 2 jobs = 40,000 status MIFs swamped a
// central site; here they are posted to POST /despoolr.box/<SMS ID> at 50 concurrent connections,
// then counted (none may be lost), and the Job Status page's data for one 20,000-target job is
// timed. Prints the intake rate beside GET /pcmins.box/<SMS ID>.INS measured in the same run.
// Prints figures; asserts nothing. Aims: the 40,000 posts under 60 s on SQLite and on PostgreSQL,
// none lost; the Job Status page under 500 ms.
//
// Runs on SQLite and then on PostgreSQL (a fresh database on SMS_POSTGRESQL_ADMIN_URL's server);
// --database=sqlite or --database=postgresql runs one. Uses the build in .next (--build rebuilds).
// --page-only skips the posts: the status rows are written straight into the database, and only the
// Job Status page's data is timed (a minute instead of many).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const MACHINES = 20_000;
const JOBS = 2;
const CONNECTIONS = 50;
const INS_SECONDS = 10;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const shouldBuild = process.argv.includes("--build");
// --profile runs the server under node --cpu-prof and prints where its CPU time went, by package.
const shouldProfile = process.argv.includes("--profile");
const isPageOnly = process.argv.includes("--page-only");
const PAGE_ROUNDS = isPageOnly ? 7 : 3;
const IN_PROCESS_REPORTS = 5_000;
// --reports=N posts only the first N reports (a quick figure on a busy machine); the aim is for all 40,000.
const reportLimit = Number(process.argv.find((argument) => argument.startsWith("--reports="))?.slice("--reports=".length) ?? MACHINES * JOBS);
const database = process.argv.find((argument) => argument.startsWith("--database="))?.slice("--database=".length);
if (database === undefined) {
  for (const [index, each] of ["sqlite", "postgresql"].entries()) {
    if (index > 0) console.log(`\n${"=".repeat(100)}\n`);
    const args = ["--conditions=react-server", "--no-warnings", "--import", "tsx", fileURLToPath(import.meta.url), `--database=${each}`, ...(shouldBuild && index === 0 ? ["--build"] : []), ...process.argv.filter((argument) => argument.startsWith("--reports=") || argument === "--profile" || argument === "--page-only" || argument === "--keep")];
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: process.env });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}

const directory = mkdtempSync(path.join(os.tmpdir(), "sms-bench-status-"));
const { benchDatabaseName, dropPostgresqlDatabase, freshPostgresqlDatabase } = await import("../db/fresh-postgresql.mjs");
const POSTGRESQL_DATABASE = benchDatabaseName("status");
process.env.DATABASE_URL = database === "postgresql" ? await freshPostgresqlDatabase(POSTGRESQL_DATABASE) : `file:${path.join(directory, "bench.db")}`;
const migrate = spawnSync(process.execPath, [path.join(root, "scripts", "db", "migrate.mjs")], { cwd: root, encoding: "utf8", env: process.env });
if (migrate.status !== 0) throw new Error(migrate.stderr);

const { db } = await import("../../lib/db.ts");
const { bindProcessActor } = await import("../../lib/data/accounts/session.ts");
bindProcessActor({ userId: null, name: "benchmark", role: "administrator", address: null, sessionId: null });
const { importSiteDocument } = await import("../../lib/data/sites/site-document-import.ts");
const { createJob } = await import("../../lib/data/jobs/job-changes.ts");
const { activateJob } = await import("../../lib/data/jobs/job-lifecycle.ts");
const { getJobStatus, listServerJobTargets, listTargetStatuses, listOverdueTargets, predictTargets } = await import("../../lib/data/job-status/job-status.ts");
const { readReportsOverTime, readTargetCountsBySite } = await import("../../lib/data/job-status/job-status-counts.ts");
const { arrayReader } = await import("../../lib/db/array-reader.ts");
const { Prisma } = await import("../../generated/prisma/client.ts");
const { receiveStatusReport } = await import("../../lib/data/job-status/status-reports/intake.ts");
const { releaseDueStatusReports } = await import("../../lib/data/job-status/status-reports/passes.ts");
const { buildLargeSiteDocument } = await import("../../lib/demo/large-site-document.ts");
const { jobInputSchema } = await import("../../lib/jobs/schema.ts");
const { writeJobStatusMif } = await import("../../lib/status-mif/job-status-mif.ts");
const { addDays, currentWallClock } = await import("../../lib/wall-clock.ts");
const { createHash } = await import("node:crypto");

const number = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const line = (label: string, value: string) => console.log(`${label.padEnd(56)} ${value}`);

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  line(label, `${number(performance.now() - start)} ms`);
  return result;
}

console.log(`Status ${isPageOnly ? "page" : "intake"} benchmark: ${number(MACHINES)} machines x ${JOBS} jobs, ${CONNECTIONS} connections, on ${os.cpus().length} CPUs; ${database === "postgresql" ? `PostgreSQL (${POSTGRESQL_DATABASE})` : "SQLite"}\n`);

// ---- Set-up: a hierarchy of 20,000 machines and two jobs to every one of them.
const document = buildLargeSiteDocument({ computers: MACHINES, packages: JOBS + 5 });
await timed(`import a site document with ${number(document.computers?.length ?? 0)} computers`, () => importSiteDocument(document));
const commandLines = await db.workstationCommandLine.findMany({ orderBy: [{ packageId: "asc" }, { id: "asc" }], select: { id: true, packageId: true, package: { select: { siteCode: true } } } });
const firstLines = [...new Map(commandLines.map((commandLine) => [commandLine.packageId, commandLine] as const)).values()].slice(0, isPageOnly ? JOBS : JOBS + 1);
const allJobs = await timed(`create and send ${firstLines.length} jobs to every machine${isPageOnly ? "" : " (one for the in-process run)"}`, async () => {
  const sent: { jobId: string; requestId: string }[] = [];
  for (const [index, commandLine] of firstLines.entries()) {
    // --page-only: the second job is mandatory since yesterday, so its unreported targets are overdue.
    const isMandatory = isPageOnly && index === 1;
    const input = jobInputSchema.parse({
      packageId: commandLine.packageId,
      siteCode: commandLine.package.siteCode,
      target: { kind: "QUERY" },
      sendPhase: { isEnabled: true },
      distributePhase: { putOnSpecifiedServers: true },
      runPhase: { isEnabled: true, commandLineId: commandLine.id, offerAfter: addDays(currentWallClock(), -1), ...(isMandatory ? { isMandatory: true, mandatoryAfter: addDays(currentWallClock(), -1) } : {}) },
    });
    const jobId = await createJob({ input });
    sent.push({ jobId, requestId: (await activateJob({ jobId })).requestId });
  }
  return sent;
});
const jobs = allJobs.slice(0, JOBS);
const smsIds = (await db.jobTarget.findMany({ where: { jobId: jobs[0]!.jobId }, select: { smsId: true }, orderBy: { smsId: "asc" } })).map((target) => target.smsId);
const reports = jobs.flatMap((job) => smsIds.map((smsId, index) => ({ smsId, job: job.requestId, index }))).slice(0, reportLimit);
const mifOf = (index: number) =>
  writeJobStatusMif({
    componentId: { manufacturer: "Benchmark", product: "Q140389", version: "1.0", locale: "", serialNumber: String(index), installation: "" },
    status: index % 10 === 0 ? "Failed" : "Success",
    description: index % 10 === 0 ? "Setup failed: disk full" : "Installed",
  });

if (isPageOnly) {
  await timed("write the status rows straight into the database", () => writeStatusRows());
  await timePage(jobs[0]!.jobId, "every target reported, as after the full run");
  // A day after Send, half reported: the other half should have run (mandatory) and is overdue.
  await timePage(jobs[1]!.jobId, "half reported, mandatory since yesterday, a day later", addDays(currentWallClock(), 1));
  await db.$disconnect();
  // --keep leaves the database for trying queries against it by hand.
  if (process.argv.includes("--keep")) console.log(`\nkept: ${process.env.DATABASE_URL}`);
  else {
    rmSync(directory, { recursive: true, force: true });
    if (database === "postgresql") await dropPostgresqlDatabase(POSTGRESQL_DATABASE);
  }
  process.exit(0);
}

// ---- The intake function alone, in this process (no HTTP, no Next): 50 at a time, as the route calls it.
{
  const inProcessJob = allJobs[JOBS]!;
  let nextReport = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const now = currentWallClock();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (nextReport < IN_PROCESS_REPORTS) {
        const index = nextReport++;
        await receiveStatusReport({ input: { smsId: smsIds[index]!, jobReference: inProcessJob.requestId, text: mifOf(index) }, via: { source: "despoolr.box", presentedToken: null, address: "127.0.0.1" }, now });
      }
    }),
  );
  const elapsed = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const commits = (await db.statusReport.groupBy({ by: ["receivedAt"], where: { jobId: inProcessJob.jobId } })).length;
  console.log(`\nThe intake function alone (receiveStatusReport, in-process, ${CONNECTIONS} at a time), ${number(IN_PROCESS_REPORTS)} reports on job ${inProcessJob.jobId}`);
  line("  rate", `${number((IN_PROCESS_REPORTS / elapsed) * 1000)} reports/s`);
  line("  CPU per report (this process; the database's own not counted)", `${number((cpu.user + cpu.system) / 1000 / IN_PROCESS_REPORTS, 2)} ms`);
  line("  commits (distinct receivedAt stamps)", `${number(commits)}, ${number(IN_PROCESS_REPORTS / Math.max(commits, 1), 1)} reports each`);
}

const nextBin = path.join(root, "node_modules", ".bin", "next");
if (shouldBuild || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("building the app (next build) ...");
  const build = spawnSync(nextBin, ["build"], { cwd: root, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout.slice(-2000)}${build.stderr.slice(-2000)}`);
}
const port = await freePort();
const profileDirectory = path.join(directory, "profile");
// node --cpu-prof is refused in NODE_OPTIONS: the profiled server is Next's bin run by node itself.
const serverCommand: [string, string[]] = shouldProfile
  ? [process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDirectory}`, path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"]]
  : [nextBin, ["start", "-p", String(port), "-H", "127.0.0.1"]];
const server = spawn(serverCommand[0], serverCommand[1], { cwd: root, env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "pipe", "pipe"] });
let serverOutput = "";
server.stdout.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
server.stderr.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
try {
  const base = `http://127.0.0.1:${port}`;
  if (!(await waitForServer(`${base}/health`, server))) throw new Error(`next start did not answer within 60 s\n${serverOutput.slice(-2000)}`);
  for (const smsId of smsIds.slice(0, 100)) await fetch(`${base}/pcmins.box/${smsId}.INS`).then((response) => response.arrayBuffer());

  // ---- The flood: every report once, 50 at a time.
  let next = 0;
  const serverPid = server.pid!;
  const intakeCpuBefore = cpuMsOf(serverPid);
  const intakeStart = performance.now();
  const intake = await runAutocannon({
    url: base,
    connections: CONNECTIONS,
    amount: reports.length,
    timeout: 60,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const report = reports[next++ % reports.length]!;
          return { ...request, path: `/despoolr.box/${report.smsId}?job=${report.job}`, headers: { "content-type": "text/plain" }, body: mifOf(report.index) };
        },
      },
    ],
  });
  const intakeMs = performance.now() - intakeStart;
  const intakeCpuMs = cpuMsOf(serverPid) - intakeCpuBefore;
  const posted = { jobReference: { in: jobs.map((job) => job.requestId) } };
  const kept = await db.statusReport.count({ where: posted });
  const applied = await db.statusReport.count({ where: { ...posted, outcome: "applied" } });
  const commits = (await db.statusReport.groupBy({ by: ["receivedAt"], where: posted })).length;
  const statuses = Object.entries(intake.statusCodeStats ?? {}).map(([status, stats]) => `${status}: ${number(Number(stats.count))}`).join(", ");
  console.log(`\nPOST /despoolr.box/<SMS ID>: ${number(reports.length)} status MIFs at ${CONNECTIONS} connections`);
  line("  answers", statuses || "none");
  line("  wall time", `${number(intakeMs / 1000, 1)} s  (aim: under 60 s)`);
  line("  intake rate", `${number((reports.length / intakeMs) * 1000)} reports/s`);
  line("  latency p50 / p99", `${number(intake.latency.p50, 1)} ms / ${number(intake.latency.p99, 1)} ms`);
  line("  server CPU per report (the database's own not counted)", `${number(intakeCpuMs / reports.length, 2)} ms`);
  line("  commits (distinct receivedAt stamps)", `${number(commits)}, ${number(kept / Math.max(commits, 1), 1)} reports each`);
  line("  kept / applied / lost", `${number(kept)} / ${number(applied)} / ${number(reports.length - kept)}  (aim: none lost)`);
  if (intake.errors + intake.timeouts > 0) line("  errors, timeouts", `${number(intake.errors)}, ${number(intake.timeouts)}`);

  // ---- The .INS route in the same run, for comparison.
  let insNext = 0;
  const insCpuBefore = cpuMsOf(serverPid);
  const ins = await runAutocannon({ url: base, connections: CONNECTIONS, duration: INS_SECONDS, requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: `/pcmins.box/${smsIds[insNext++ % smsIds.length]}.INS` }) }] });
  console.log(`\nGET /pcmins.box/<SMS ID>.INS, ${CONNECTIONS} connections, ${INS_SECONDS} s (same run)`);
  line("  rate", `${number(ins.requests.average)} requests/s  (intake: ${number((reports.length / intakeMs) * 1000)} reports/s)`);
  line("  latency p50 / p99", `${number(ins.latency.p50, 1)} ms / ${number(ins.latency.p99, 1)} ms`);
  line("  server CPU per request", `${number((cpuMsOf(serverPid) - insCpuBefore) / Math.max(ins.requests.total, 1), 2)} ms`);
} finally {
  // A server that already stopped (it failed to start) would never say "exit" again.
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
}
if (shouldProfile) printProfile(profileDirectory);

// ---- The Job Status page's data for a 20,000-target job (the page is signed-in; its data layer is timed).
await timePage(jobs[0]!.jobId, `after ${number(reports.length)} posts`);
await db.$disconnect();
rmSync(directory, { recursive: true, force: true });
if (database === "postgresql") await dropPostgresqlDatabase(POSTGRESQL_DATABASE);

/**
 * The status rows the flood leaves, written straight into the database: job 1 reported by every
 * target, job 2 by every other one (10% Failed, as the flood's MIFs), in commits of 35 reports over
 * the last 9 minutes, plus a few refused reports; then the intake's own pass releases nothing.
 */
async function writeStatusRows(): Promise<void> {
  const start = Date.now() - 9 * 60_000;
  for (const [jobIndex, job] of jobs.entries()) {
    const reporting = smsIds.filter((_, index) => jobIndex === 0 || index % 2 === 0);
    for (let from = 0; from < reporting.length; from += 2_000) {
      const chunk = reporting.slice(from, from + 2_000);
      await db.statusReport.createMany({
        data: chunk.map((smsId, offset) => {
          const index = from + offset;
          const isFailed = index % 10 === 0;
          const receivedAt = new Date(start + Math.floor(index / 35) * ((9 * 60_000) / (reporting.length / 35)));
          return { receivedAt, source: "despoolr.box", receivedFrom: "127.0.0.1", smsId, jobReference: job.requestId, jobId: job.jobId, rawText: mifOf(index), contentHash: createHash("sha256").update(`${job.jobId} ${smsId}`).digest("hex"), reportedAt: currentWallClock(receivedAt), outcome: "applied", installStatus: isFailed ? "Failed" : "Success", description: isFailed ? "Setup failed: disk full" : "Installed" };
        }),
      });
    }
    const reports = await db.statusReport.findMany({ where: { jobId: job.jobId }, select: { id: true, smsId: true, installStatus: true, description: true, reportedAt: true } });
    for (let from = 0; from < reports.length; from += 2_000) {
      await db.targetStatus.createMany({ data: reports.slice(from, from + 2_000).map((report) => ({ jobId: job.jobId, smsId: report.smsId, status: report.installStatus === "Failed" ? "RETRYING" : "COMPLETE", description: report.description ?? "", reportId: report.id, reportedAt: report.reportedAt! })) });
    }
    await db.statusReport.createMany({
      data: Array.from({ length: 20 }, (_, index) => ({ source: "despoolr.box", receivedFrom: "127.0.0.1", smsId: `ZZZ${String(index).padStart(5, "0")}`, jobReference: job.requestId, jobId: job.jobId, rawText: mifOf(index), contentHash: createHash("sha256").update(`${job.jobId} refused ${index}`).digest("hex"), outcome: "refused", refusalReason: `ZZZ${String(index).padStart(5, "0")} is not in inventory` })),
    });
  }
}

/**
 * Times the Job Status page's data for one job as the page reads it, over several rounds, beside two
 * floors in the same run: one round trip (count the job's targets) and the job's status rows read raw.
 */
async function timePage(jobId: string, label: string, now = currentWallClock()): Promise<void> {
  const steps = new Map<string, number[]>();
  const step = async <T,>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    steps.set(name, [...(steps.get(name) ?? []), performance.now() - start]);
    return result;
  };
  for (let round = 0; round < PAGE_ROUNDS; round++) {
    await step("floor: count the job's targets (one round trip)", () => db.jobTarget.count({ where: { jobId } }));
    await step("floor: the job's status rows read raw (array reader)", () => arrayReader()(Prisma.sql`SELECT "smsId", "status", "description", "reportId", "reportedAt" FROM "TargetStatus" WHERE "jobId" = ${jobId}`));
    // getJobStatus's three reads alone, outside the page's time.
    await step("getJobStatus's part: target counts by site", () => readTargetCountsBySite(jobId));
    await step("getJobStatus's part: reports over time", () => readReportsOverTime(jobId));
    await step("getJobStatus's part: release due held reports", () => releaseDueStatusReports({ now, jobId }));
    const start = performance.now();
    await step("  getJobStatus (counts, chart, sites, not applied)", () => getJobStatus({ jobId, now }));
    await step("  listServerJobTargets", () => listServerJobTargets({ jobId }));
    // As the page reads them: one page of rows then their predictions, beside the overdue list.
    await Promise.all([
      step("  listTargetStatuses (page 1)", () => listTargetStatuses({ jobId, page: 1 })).then((targets) => step("  predictTargets (page 1's 50 rows)", () => predictTargets({ jobId, smsIds: targets.items.map((row) => row.smsId), now }))),
      step("  listOverdueTargets", () => listOverdueTargets({ jobId, now })),
    ]);
    steps.set("the page's data, in the page's order", [...(steps.get("the page's data, in the page's order") ?? []), performance.now() - start]);
  }
  const overdue = await listOverdueTargets({ jobId, now });
  console.log(`\nJob Status page of job ${jobId} (${number(smsIds.length)} targets, ${label}; ${number(overdue.withoutReport)} without a report, ${number(overdue.overdue.length)} overdue of ${number(overdue.checked)} checked): min / median of ${PAGE_ROUNDS} rounds, load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
  for (const [name, times] of steps) {
    const sorted = [...times].sort((a, b) => a - b);
    line(name, `${number(sorted[0]!)} / ${number(sorted[Math.floor(sorted.length / 2)]!)} ms${name.startsWith("the page") ? "  (aim: under 500 ms)" : ""}`);
  }
}

/** CPU time (user + system, ms) a process and its children have used so far, from /proc. */
function cpuMsOf(pid: number): number {
  const clockTicks = 100;
  let total = 0;
  const visit = (id: number) => {
    try {
      const stat = readFileSync(`/proc/${id}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
      const children = readFileSync(`/proc/${id}/task/${id}/children`, "utf8").trim();
      for (const child of children ? children.split(" ") : []) visit(Number(child));
    } catch {
      // Not Linux, or the process is gone: no CPU figure.
    }
  };
  visit(pid);
  return total;
}

/** The server's CPU profiles (node --cpu-prof) summed by self time, per package or area of the app. */
function printProfile(directory: string): void {
  if (!existsSync(directory)) return console.log("\nno CPU profile was written");
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const name of readdirSync(directory).filter((file) => file.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(path.join(directory, name), "utf8")) as { nodes: { id: number; callFrame: { url: string; functionName: string } }[]; samples: number[]; timeDeltas: number[] };
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const { url, functionName } = nodes.get(id)!.callFrame;
      const delta = profile.timeDeltas[index] ?? 0;
      const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
      const area = inModules ? inModules[1]! : url.includes("/.next/server/chunks/") ? "app chunks (.next/server/chunks)" : url.includes("/.next/") ? "app (.next, other)" : url.startsWith("node:") ? url : url ? "other" : `(${functionName || "native"})`;
      byArea.set(area, (byArea.get(area) ?? 0) + delta);
      const where = `${functionName || "(anonymous)"} ${url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}`;
      byFunction.set(where, (byFunction.get(where) ?? 0) + delta);
      total += delta;
    });
  }
  console.log(`\nServer CPU profile (self time, all processes): ${number(total / 1000)} ms sampled`);
  for (const [area, micros] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 15)) line(`  ${area}`, `${number(micros / 1000)} ms  ${number((micros / total) * 100, 1)}%`);
  console.log("  by function:");
  for (const [where, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${number((micros / total) * 100, 1).padStart(5)}%  ${where.slice(0, 150)}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForServer(url: string, child: ReturnType<typeof spawn>): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      await (await fetch(url)).arrayBuffer();
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}

// autocannon ships no types: the part used here.
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number | string }>;
}
type Autocannon = (options: { url: string; connections: number; duration?: number; amount?: number; timeout?: number; requests: AutocannonRequest[] }, done: (error: Error | null, result: AutocannonResult) => void) => unknown;

function runAutocannon(options: Parameters<Autocannon>[0]): Promise<AutocannonResult> {
  const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

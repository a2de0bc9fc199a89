// npm run bench:ins: the instruction box at size. Builds 10,000 clients with 20 active jobs each,
// then times writing the whole box as `sms box sync` does (same code: cli/box-sync.ts) against a
// plain loop of writeFileSync of the same bytes, and the on-demand route GET /pcmins.box/<SMS ID>.INS
// under 50 concurrent connections. Prints figures; asserts nothing. Aims: whole box under 5 s and
// within 3x of the plain writes; route p99 under 25 ms.
//
// Runs on SQLite and then on PostgreSQL (a fresh database on SMS_POSTGRESQL_ADMIN_URL's server) and
// prints both; --database=sqlite or --database=postgresql runs one.
//
// Each measured phase runs in its own process (this script with --worker), so its peak RSS is its
// own and not the import's. Pass --build to rebuild .next before the route part (default: build only
// when .next is missing).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const CLIENTS = 10_000;
const JOBS = 20;
const CONNECTIONS = 50;
const ROUTE_SECONDS = 10;
const RUNS = 3;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

interface PhaseFigures {
  ms: number;
  files: number;
  bytes: number;
  written?: number;
  unchanged?: number;
  peakRssMb: number;
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** One measured phase, run in a child process against the benchmark database. */
async function runWorker(task: string, directory: string): Promise<PhaseFigures> {
  const { bindProcessActor } = await import("../../lib/data/session.ts");
  bindProcessActor({ userId: null, name: "benchmark", role: "administrator", address: null, sessionId: null });
  const { generateInstructionBox } = await import("../../lib/data/instruction-box.ts");
  const { currentWallClock } = await import("../../lib/wall-clock.ts");
  const { syncInstructionBox } = await import("../../cli/box-sync.ts");
  const box = () => generateInstructionBox({ now: currentWallClock() });

  if (task === "generate") {
    const start = performance.now();
    let files = 0;
    let bytes = 0;
    for await (const file of box()) {
      files++;
      bytes += file.bytes.length;
    }
    return { ms: performance.now() - start, files, bytes, peakRssMb: peakRssMb() };
  }
  if (task === "sync") {
    const start = performance.now();
    const summary = await syncInstructionBox({ directory, files: box() });
    const ms = performance.now() - start;
    return { ms, files: summary.fileCount, bytes: summary.bytesWritten, written: summary.written, unchanged: summary.unchanged, peakRssMb: peakRssMb() };
  }
  if (task === "plain") {
    const files: { fileName: string; bytes: Uint8Array }[] = [];
    for await (const file of box()) files.push({ fileName: file.fileName, bytes: file.bytes });
    mkdirSync(directory, { recursive: true });
    const start = performance.now();
    for (const file of files) writeFileSync(path.join(directory, file.fileName), file.bytes);
    const ms = performance.now() - start;
    return { ms, files: files.length, bytes: files.reduce((sum, file) => sum + file.bytes.length, 0), peakRssMb: peakRssMb() };
  }
  throw new Error(`unknown worker task ${task}`);
}

if (process.argv[2] === "--worker") {
  const figures = await runWorker(process.argv[3]!, process.argv[4]!);
  process.stdout.write(JSON.stringify(figures));
  process.exit(0);
}

const shouldBuild = process.argv.includes("--build");
const database = process.argv.find((argument) => argument.startsWith("--database="))?.slice("--database=".length);
if (database === undefined) {
  // Both databases, one after the other, each in a process of its own (lib/db reads DATABASE_URL once).
  for (const [index, each] of ["sqlite", "postgresql"].entries()) {
    if (index > 0) console.log(`\n${"=".repeat(100)}\n`);
    const args = ["--conditions=react-server", "--no-warnings", "--import", "tsx", fileURLToPath(import.meta.url), `--database=${each}`, ...(shouldBuild && index === 0 ? ["--build"] : [])];
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: process.env });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}
const directory = mkdtempSync(path.join(os.tmpdir(), "sms-bench-ins-"));
const { dropPostgresqlDatabase, freshPostgresqlDatabase } = await import("../db/fresh-postgresql.mjs");
const POSTGRESQL_DATABASE = "sms_bench_ins";
process.env.DATABASE_URL = database === "postgresql" ? await freshPostgresqlDatabase(POSTGRESQL_DATABASE) : `file:${path.join(directory, "bench.db")}`;
const migrate = spawnSync(process.execPath, [path.join(root, "scripts", "db", "migrate.mjs")], { cwd: root, encoding: "utf8", env: process.env });
if (migrate.status !== 0) throw new Error(migrate.stderr);

const { db } = await import("../../lib/db.ts");
// Benchmarks act as an administrator of their own throw-away database, as the CLI does.
const { bindProcessActor } = await import("../../lib/data/session.ts");
bindProcessActor({ userId: null, name: "benchmark", role: "administrator", address: null, sessionId: null });
const { importSiteDocument } = await import("../../lib/data/site-document-import.ts");
const { createJob } = await import("../../lib/data/job-changes.ts");
const { activateJob } = await import("../../lib/data/job-lifecycle.ts");
const { buildLargeSiteDocument } = await import("../../lib/demo/large-site-document.ts");
const { jobInputSchema } = await import("../../lib/jobs/schema.ts");
const { addDays, currentWallClock } = await import("../../lib/wall-clock.ts");

const number = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const line = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  line(label, `${number(performance.now() - start)} ms`);
  return result;
}

/** Flushes dirty pages so one phase's writes are not paid for by the next (ignored where there is no `sync`). */
function flushFileSystem(): void {
  spawnSync("sync");
}

function measureOnce(task: string, target: string): PhaseFigures {
  flushFileSystem();
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--no-warnings", "--import", "tsx", fileURLToPath(import.meta.url), "--worker", task, target], {
    cwd: root,
    encoding: "utf8",
    env: process.env,
    maxBuffer: 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`worker ${task} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as PhaseFigures;
}

/** The fastest of RUNS runs (the machine is shared and its disk writes back in bursts), with the slowest for the spread. */
function measure(task: string, target: (run: number) => string): PhaseFigures & { slowestMs: number } {
  const runs = Array.from({ length: RUNS }, (_, run) => measureOnce(task, target(run)));
  const best = runs.reduce((fastest, figures) => (figures.ms < fastest.ms ? figures : fastest));
  return { ...best, peakRssMb: Math.max(...runs.map((figures) => figures.peakRssMb)), slowestMs: Math.max(...runs.map((figures) => figures.ms)) };
}

console.log(`Instruction box benchmark: ${number(CLIENTS)} clients, ${JOBS} active jobs each, on ${os.cpus().length} CPUs; ${database === "postgresql" ? `PostgreSQL (${POSTGRESQL_DATABASE})` : "SQLite"}, files in ${directory}\n`);

// ---- Set-up: the hierarchy and 20 jobs, each to every computer (a whole-hierarchy query).
const document = buildLargeSiteDocument({ computers: CLIENTS, packages: JOBS + 5 });
await timed(`import a site document with ${number(document.computers?.length ?? 0)} computers`, () => importSiteDocument(document));
const commandLines = await db.workstationCommandLine.findMany({ orderBy: [{ packageId: "asc" }, { id: "asc" }], select: { id: true, packageId: true } });
const firstLineOfEachPackage = [...new Map(commandLines.map((commandLine) => [commandLine.packageId, commandLine] as const)).values()].slice(0, JOBS);
const sites = new Map((await db.package.findMany({ select: { packageId: true, siteCode: true } })).map((pkg) => [pkg.packageId, pkg.siteCode]));
const offerAfter = addDays(currentWallClock(), -1);
await timed(`create and send ${JOBS} jobs to every computer`, async () => {
  for (const commandLine of firstLineOfEachPackage) {
    const input = jobInputSchema.parse({
      packageId: commandLine.packageId,
      siteCode: sites.get(commandLine.packageId),
      target: { kind: "QUERY" },
      sendPhase: { isEnabled: true },
      distributePhase: { putOnSpecifiedServers: true },
      runPhase: { isEnabled: true, commandLineId: commandLine.id, offerAfter },
    });
    // Activation without the requirement review: the benchmark wants the files, not the findings.
    await activateJob({ jobId: await createJob({ input }) });
  }
});
await db.$disconnect();

// ---- Writing the whole box.
console.log(`\nEach figure is the best of ${RUNS} runs, each in a fresh process after flushing the page cache (slowest run in brackets).\n`);
const generated = measure("generate", () => "");
const cold = measure("sync", (run) => path.join(directory, `box-${run}`));
const warm = measure("sync", () => path.join(directory, "box-0"));
const plain = measure("plain", (run) => path.join(directory, `plain-${run}`));
flushFileSystem();
const cliStart = performance.now();
const cli = spawnSync(process.execPath, [path.join(root, "bin", "sms.mjs"), "box", "sync", path.join(directory, "box-cli")], { cwd: root, encoding: "utf8", env: process.env });
const cliMs = performance.now() - cliStart;
if (cli.status !== 0) throw new Error(`sms box sync failed:\n${cli.stderr}`);

const megabytes = (bytes: number) => bytes / 1024 / 1024;
const rate = (figures: PhaseFigures & { slowestMs: number }, bytes = figures.bytes) =>
  [
    `${number(figures.ms).padStart(6)} ms (${number(figures.slowestMs)})`.padEnd(20),
    `${number((figures.files / figures.ms) * 1000).padStart(7)} files/s`,
    `${number((megabytes(bytes) / figures.ms) * 1000, 1).padStart(6)} MB/s`,
    `peak RSS ${number(figures.peakRssMb)} MB`,
  ].join("  ");
console.log(`The box: ${number(cold.files)} files, ${number(megabytes(cold.bytes), 1)} MB (${number(cold.bytes / cold.files)} bytes a file on average)\n`);
line("generate only (database, planning, encoding)", rate(generated, cold.bytes));
line("box sync into an empty directory", rate(cold));
line(`box sync again, nothing changed (${number(warm.unchanged ?? 0)} unchanged)`, rate(warm, cold.bytes));
line("plain loop of writeFileSync, same bytes", rate(plain));
line("`sms box sync` as a command, start-up included", `${number(cliMs).padStart(6)} ms  (${cli.stdout.trim()})`);
console.log("");
line("whole box sync / plain writes", `${number(cold.ms / plain.ms, 2)}x  (aims: within 3x; whole box under 5,000 ms)`);
line("box sync minus generation / plain writes", `${number((cold.ms - generated.ms) / plain.ms, 2)}x  (the file work alone: compare, temporary file, rename)`);

// ---- The on-demand route.
console.log("\nGET /pcmins.box/<SMS ID>.INS");
await benchmarkRoute((document.computers ?? []).map((computer) => computer.smsId));
rmSync(directory, { recursive: true, force: true });
if (database === "postgresql") await dropPostgresqlDatabase(POSTGRESQL_DATABASE);

async function benchmarkRoute(smsIds: string[]): Promise<void> {
  const nextBin = path.join(root, "node_modules", ".bin", "next");
  if (shouldBuild || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log(`building the app (next build) ...`);
    const build = spawnSync(nextBin, ["build"], { cwd: root, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) {
      console.log(`next build failed; no route figures.\n${build.stdout.slice(-2000)}${build.stderr.slice(-2000)}`);
      return;
    }
  }
  const manifest = path.join(root, ".next", "app-path-routes-manifest.json");
  const hasRoute = existsSync(manifest) && readFileSync(manifest, "utf8").includes('"/pcmins.box/[fileName]"');
  if (!hasRoute) console.log("note: the build in .next has no /pcmins.box/[fileName] route; run with --build after adding it (expect 404s)");

  const port = await freePort();
  const server = spawn(nextBin, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let serverOutput = "";
  server.stdout.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  try {
    const base = `http://127.0.0.1:${port}`;
    const firstStatus = await waitForServer(`${base}/pcmins.box/${smsIds[0]}.INS`, server);
    if (firstStatus === null) {
      console.log(`next start did not answer within 60 s; no route figures.\n${serverOutput.slice(-2000)}`);
      return;
    }
    // Warm the route (module load, JIT, the database's page cache) before measuring.
    for (const smsId of smsIds.slice(0, 200)) await fetch(`${base}/pcmins.box/${smsId}.INS`).then((response) => response.arrayBuffer());

    let next = 0;
    const load = (connections: number, duration: number) =>
      runAutocannon({
        url: base,
        connections,
        duration,
        requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: `/pcmins.box/${smsIds[next++ % smsIds.length]}.INS` }) }],
      });
    const report = (label: string, result: AutocannonResult, aim = "") => {
      const statuses = Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => `${status}: ${number(Number(stats.count))}`).join(", ");
      line(label, `${number(result.requests.total)} requests (${statuses || "none answered"})`);
      line("  requests/s (mean)", number(result.requests.average));
      line("  latency p50 / p99", `${number(result.latency.p50, 1)} ms / ${number(result.latency.p99, 1)} ms${aim}`);
      if (result.errors + result.timeouts > 0) line("  errors, timeouts", `${number(result.errors)}, ${number(result.timeouts)}`);
      return Number(result.statusCodeStats?.["404"]?.count ?? 0);
    };
    // One connection first: the time one request takes, with nothing queued in front of it.
    const notFound = report("1 connection, 5 s (service time)", await load(1, 5)) + report(`${CONNECTIONS} connections, ${ROUTE_SECONDS} s`, await load(CONNECTIONS, ROUTE_SECONDS), "  (aim: p99 under 25 ms)");
    console.log(`  (${number(smsIds.length)} different clients in turn, after 200 warm-up requests; autocannon shares the ${os.cpus().length} CPUs with the server)`);
    if (notFound > 0) console.log(`\n${number(notFound)} answers were 404: is app/pcmins.box/[fileName]/route.ts in the build? (npm run bench:ins -- --build)`);
  } finally {
    await stopServer(server);
  }
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

/** The status of the first answer, or null when the server exits or does not answer in time. */
async function waitForServer(url: string, server: ReturnType<typeof spawn>): Promise<number | null> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return response.status;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return null;
}

async function stopServer(server: ReturnType<typeof spawn>): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timeout = setTimeout(() => server.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timeout);
}

// autocannon ships no types, and only the package itself may be added: the part used here.
interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonHistogram {
  average: number;
  total: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: AutocannonHistogram;
  latency: AutocannonHistogram;
  throughput: AutocannonHistogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats?: Record<string, { count: number | string }>;
}
type Autocannon = (options: { url: string; connections: number; duration: number; requests: AutocannonRequest[] }, done: (error: Error | null, result: AutocannonResult) => void) => unknown;

function runAutocannon(options: Parameters<Autocannon>[0]): Promise<AutocannonResult> {
  const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

// npm run bench:ins: the instruction box at size. Builds N clients (--clients=10000, the default;
// 1000 and 50000 for the scaling table) with 20 active jobs each, then times writing the whole box
// as `sms box sync` does (same code: cli/box-sync.ts) against a plain loop of writeFileSync of the
// same bytes, and the on-demand route GET /pcmins.box/<SMS ID>.INS, answered 200 and 304, at 1, 10
// and 50 connections, each beside its floors measured in the same run: the same bytes as a static
// file from the same `next start`, and from a plain node:http server. Prints figures; asserts
// nothing. Aims (issue 17): the route's p99 within 1.5x of the static file's and at least 70% of
// its rate; the whole box within 3x of the plain writes, memory flat in the number of clients.
//
// Runs on SQLite and then on PostgreSQL (a fresh database on SMS_POSTGRESQL_ADMIN_URL's server) and
// prints both; --database=sqlite or --database=postgresql runs one. --route-only skips the box,
// --box-only the route.
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
import { printCpuProfiles } from "./cpu-profile.mts";

const CLIENTS = Number(process.argv.find((argument) => argument.startsWith("--clients="))?.slice("--clients=".length) ?? 10_000);
const JOBS = 20;
const CONNECTION_COUNTS = [1, 10, 50];
const ROUTE_SECONDS = 5;
const isRouteOnly = process.argv.includes("--route-only");
// --box-only skips the route (no Next build or server): the whole box alone, e.g. at 50,000 clients.
const isBoxOnly = process.argv.includes("--box-only");
// --profile (with the route): runs `next start` under node --cpu-prof for the route's 200 and 304 at
// 10 connections only (no static or node:http runs in that server) and prints where its CPU went.
const shouldProfile = process.argv.includes("--profile");
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
  const { bindProcessActor } = await import("../../lib/data/accounts/session.ts");
  bindProcessActor({ userId: null, name: "benchmark", role: "administrator", address: null, sessionId: null });
  const { generateInstructionBox } = await import("../../lib/data/instruction-box/instruction-box.ts");
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
    const passed = process.argv.slice(2).filter((argument) => argument.startsWith("--clients=") || argument === "--route-only" || argument === "--box-only" || argument === "--profile");
    const args = ["--conditions=react-server", "--no-warnings", "--import", "tsx", fileURLToPath(import.meta.url), `--database=${each}`, ...passed, ...(shouldBuild && index === 0 ? ["--build"] : [])];
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: process.env });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}
const directory = mkdtempSync(path.join(os.tmpdir(), "sms-bench-ins-"));
const { benchDatabaseName, dropPostgresqlDatabase, freshPostgresqlDatabase } = await import("../db/fresh-postgresql.mjs");
const POSTGRESQL_DATABASE = benchDatabaseName("ins");
process.env.DATABASE_URL = database === "postgresql" ? await freshPostgresqlDatabase(POSTGRESQL_DATABASE) : `file:${path.join(directory, "bench.db")}`;
const migrate = spawnSync(process.execPath, [path.join(root, "scripts", "db", "migrate.mjs")], { cwd: root, encoding: "utf8", env: process.env });
if (migrate.status !== 0) throw new Error(migrate.stderr);

const { db } = await import("../../lib/db.ts");
// Benchmarks act as an administrator of their own throw-away database, as the CLI does.
const { bindProcessActor } = await import("../../lib/data/accounts/session.ts");
bindProcessActor({ userId: null, name: "benchmark", role: "administrator", address: null, sessionId: null });
const { importInBatches } = await import("./import-in-batches.mts");
const { createJob } = await import("../../lib/data/jobs/job-changes.ts");
const { activateJob } = await import("../../lib/data/jobs/job-lifecycle.ts");
const { buildLargeSiteDocument } = await import("../../lib/demo/large-site-document.ts");
const { jobInputSchema } = await import("../../lib/jobs/schema.ts");
const { addDays, currentWallClock } = await import("../../lib/wall-clock.ts");

const number = (value: number, digits = 0) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const line = (label: string, value: string) => console.log(`${label.padEnd(52)} ${value}`);
// The machine is shared: each table says how loaded it was.
const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

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
await timed(`import a site document with ${number(document.computers?.length ?? 0)} computers`, () => importInBatches(document));
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
const floorDirectory = path.join(directory, "box-floor");
if (!isRouteOnly) {
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
  line("load average (1, 5, 15 min) after the box", loadAverage());
  line("box sync minus generation / plain writes", `${number((cold.ms - generated.ms) / plain.ms, 2)}x  (the file work alone: compare, temporary file, rename)`);
} else {
  measureOnce("sync", floorDirectory);
}

// ---- The on-demand route.
if (!isBoxOnly) {
  console.log("\nGET /pcmins.box/<SMS ID>.INS");
  await benchmarkRoute((document.computers ?? []).map((computer) => computer.smsId), isRouteOnly ? floorDirectory : path.join(directory, "box-0"));
}
rmSync(directory, { recursive: true, force: true });
if (database === "postgresql") await dropPostgresqlDatabase(POSTGRESQL_DATABASE);

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

interface RouteFigures {
  label: string;
  rate: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  statuses: string;
}

async function benchmarkRoute(allSmsIds: string[], boxDirectory: string): Promise<void> {
  // The clients the route rounds cycle through: a warm-up request each must fit in a short run.
  const smsIds = allSmsIds.slice(0, 2_000);
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

  // The floors: one client's bytes as a static file of the same `next start` (public/ is read when
  // it starts), and from a plain node:http server.
  const bytes = readFileSync(path.join(boxDirectory, `${smsIds[0]}.INS`));
  const publicDirectory = path.join(root, "public");
  const hadPublic = existsSync(publicDirectory);
  const staticName = `sms-bench-floor-${process.pid}.INS`;
  mkdirSync(publicDirectory, { recursive: true });
  writeFileSync(path.join(publicDirectory, staticName), bytes);

  const port = await freePort();
  const profileDirectory = path.join(directory, "profile");
  // node --cpu-prof is refused in NODE_OPTIONS: the profiled server is Next's bin run by node itself.
  const [serverCommand, serverArgs] = shouldProfile
    ? [process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDirectory}`, path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"]]
    : [nextBin, ["start", "-p", String(port), "-H", "127.0.0.1"]];
  const server = spawn(serverCommand, serverArgs, {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const plainPort = await freePort();
  const plainSource = `const bytes = require("fs").readFileSync(${JSON.stringify(path.join(publicDirectory, staticName))});
require("http").createServer((request, response) => { response.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": bytes.length, ETag: '"x"' }); response.end(bytes); }).listen(${plainPort}, "127.0.0.1", () => console.log("ready"));`;
  const plain = spawn(process.execPath, ["-e", plainSource], { stdio: ["ignore", "pipe", "inherit"] });
  let serverOutput = "";
  server.stdout.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (serverOutput += chunk.toString()));
  try {
    const base = `http://127.0.0.1:${port}`;
    const firstStatus = await waitForServer(`${base}/pcmins.box/${smsIds[0]}.INS`, server);
    const plainBase = `http://127.0.0.1:${plainPort}`;
    if (firstStatus === null || (await waitForServer(`${plainBase}/`, plain)) === null) {
      console.log(`next start did not answer within 60 s; no route figures.\n${serverOutput.slice(-2000)}`);
      return;
    }
    const staticResponse = await fetch(`${base}/${staticName}`);
    const staticBytes = Buffer.from(await staticResponse.arrayBuffer());
    if (staticResponse.status !== 200 || !staticBytes.equals(bytes)) console.log(`note: the static floor answered ${staticResponse.status} with ${staticBytes.length} bytes`);

    // Warm the route on every client (module load, JIT, the database's page cache, the per-client
    // cache) and learn each client's ETag for the 304 round.
    const etags = new Map<string, string>();
    for (let start = 0; start < smsIds.length; start += 20) {
      await Promise.all(
        smsIds.slice(start, start + 20).map(async (smsId) => {
          const response = await fetch(`${base}/pcmins.box/${smsId}.INS`);
          await response.arrayBuffer();
          etags.set(smsId, response.headers.get("etag") ?? "");
        }),
      );
    }

    let next = 0;
    const run = async (label: string, url: string, connections: number, pathOf: () => string, headersOf: (path: string) => Record<string, string> = () => ({})): Promise<RouteFigures> => {
      const pid = url === plainBase ? plain.pid! : server.pid!;
      const cpuBefore = cpuMsOf(pid);
      const result = await runAutocannon({
        url,
        connections,
        duration: ROUTE_SECONDS,
        requests: [{ method: "GET", setupRequest: (request) => { const requestPath = pathOf(); return { ...request, path: requestPath, headers: headersOf(requestPath) }; } }],
      });
      const cpu = cpuMsOf(pid) - cpuBefore;
      const statuses = Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => `${status}: ${number(Number(stats.count))}`).join(", ");
      return { label, rate: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuMsPerRequest: result.requests.total > 0 ? cpu / result.requests.total : NaN, statuses: `${statuses}${result.errors + result.timeouts > 0 ? `; ${result.errors} errors, ${result.timeouts} timeouts` : ""}` };
    };
    const clientPath = () => `/pcmins.box/${smsIds[next++ % smsIds.length]}.INS`;
    const etagOfPath = (requestPath: string) => ({ "If-None-Match": etags.get(requestPath.slice("/pcmins.box/".length, -".INS".length)) ?? "" });

    if (shouldProfile) {
      const served = await run(`route, 200`, base, 10, clientPath);
      const notModified = await run(`route, 304 (If-None-Match)`, base, 10, clientPath, etagOfPath);
      console.log(`\nProfiled (node --cpu-prof on the server), 10 connections, ${ROUTE_SECONDS} s each (load average ${loadAverage()}):`);
      for (const figures of [served, notModified]) console.log(`  ${figures.label.padEnd(32)} ${number(figures.rate).padStart(8)} req/s, p99 ${number(figures.p99, 1)} ms, ${number(figures.cpuMsPerRequest, 2)} ms CPU/request  [${figures.statuses}]`);
      return;
    }
    console.log(`\n${"".padEnd(34)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"CPU ms/req".padStart(11)}   against the static file`);
    for (const connections of CONNECTION_COUNTS) {
      const floor = await run(`static file, same next start`, base, connections, () => `/${staticName}`);
      const plainFloor = await run(`plain node:http`, plainBase, connections, () => "/");
      const served = await run(`route, 200`, base, connections, clientPath);
      const notModified = await run(`route, 304 (If-None-Match)`, base, connections, clientPath, etagOfPath);
      console.log(`${connections} connection${connections === 1 ? "" : "s"}, ${ROUTE_SECONDS} s each (load average ${loadAverage()})`);
      for (const figures of [floor, plainFloor, served, notModified]) {
        const versus = figures === floor || figures === plainFloor ? "" : `rate ${number((figures.rate / floor.rate) * 100)}% (aim >= 70%), p99 ${number(figures.p99 / Math.max(floor.p99, 0.001), 2)}x (aim <= 1.5x)`;
        console.log(`  ${figures.label.padEnd(32)} ${number(figures.rate).padStart(8)} ${number(figures.p50, 1).padStart(8)} ${number(figures.p99, 1).padStart(8)} ${number(figures.cpuMsPerRequest, 2).padStart(11)}   ${versus}  [${figures.statuses}]`);
      }
    }
    console.log(`  (${number(smsIds.length)} different clients in turn, after a warm-up request each; autocannon shares the ${os.cpus().length} CPUs with the servers)`);
  } finally {
    await stopServer(server);
    await stopServer(plain);
    rmSync(path.join(publicDirectory, staticName), { force: true });
    if (!hadPublic) rmSync(publicDirectory, { recursive: true, force: true });
    // The whole server's life (written as it exits): start-up and the warm-up requests are in it too.
    if (shouldProfile) printCpuProfiles(profileDirectory);
  }
}

/** A free port: from SMS_BENCH_PORTS ("3160-3169") when set, so runs on a shared machine keep to their own range; else any. */
async function freePort(): Promise<number> {
  const portRange = process.env.SMS_BENCH_PORTS?.split("-").map(Number);
  if (!portRange) return probePort(0);
  // Ports already handed out stay taken (a server may not be listening yet): kept on the function,
  // which is hoisted, unlike a module variable the top-level code would reach before it is set.
  const handedOut = ((freePort as unknown as { handedOut?: Set<number> }).handedOut ??= new Set());
  for (let port = portRange[0]!; port <= portRange[1]!; port++) {
    if (handedOut.has(port) || (await probePort(port).catch(() => null)) === null) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port in ${process.env.SMS_BENCH_PORTS}`);
}

function probePort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(port, "127.0.0.1", () => {
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
  headers?: Record<string, string>;
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

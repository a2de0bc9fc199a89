// npm run test:instances: two console instances on one PostgreSQL database.
// Two `next start` processes serve HTTP; two worker processes (scripts/instances/worker.mts, each
// with its own Prisma client, as an instance has) create 2,000 jobs at once, half each. Checks:
// migrations started together apply once; no duplicate or skipped job ID and no lost counter
// update; a state change two instances race for happens once; every instance serves every
// client's current .INS, also right after another instance changed it; SIGTERM lets the requests
// being answered finish; a job scheduled a minute ahead is activated by one of the two servers'
// schedulers (each passing every second here, SMS_SCHEDULER_INTERVAL_MS), within a minute of its
// time, once. Exits 1 on any failure. Reuses the build in .next (pass --build to rebuild).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "@playwright/test";
import pg from "pg";
import { currentWallClock, wallClockToLocalDate } from "../../lib/wall-clock.ts";
import { dropPostgresqlDatabase, freshPostgresqlDatabase } from "../db/fresh-postgresql.mjs";

const JOBS = 2_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const nextBin = path.join(root, "node_modules", ".bin", "next");
const failures: string[] = [];
const check = (condition: boolean, message: string) => {
  console.log(`${condition ? "ok  " : "FAIL"} ${message}`);
  if (!condition) failures.push(message);
};

const DATABASE = "sms_instances";
const url = await freshPostgresqlDatabase(DATABASE);
const env = { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" };

function runNode(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // "close", not "exit": the output is read, and it may still be arriving when the process exits.
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
/** Both workers of a race start their work at this moment, after loading (tsx takes a second or two). */
const together = () => String(Date.now() + 5_000);
async function worker<T>(...args: string[]): Promise<T> {
  const result = await runNode(["--conditions=react-server", "--no-warnings", "--import", "tsx", path.join(root, "scripts", "instances", "worker.mts"), ...args]);
  if (result.status !== 0) throw new Error(`worker ${args[0]} failed:\n${result.stderr.slice(-3000)}`);
  return JSON.parse(result.stdout) as T;
}

const servers: ChildProcess[] = [];
try {
  // ---- Two instances start together: each applies the migrations it finds pending, under a lock.
  const migrations = await Promise.all([0, 1].map(() => runNode([path.join(root, "scripts", "db", "migrate.mjs")])));
  check(migrations.every((result) => result.status === 0), `two instances migrating at once both succeed${migrations.map((result) => result.stderr).join("")}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied = (await client.query<{ name: string }>('SELECT name FROM "_sms_migrations" ORDER BY id')).rows.map((row) => row.name);
  const files = readdirSync(path.join(root, "prisma", "postgresql", "migrations")).map((name) => name.replace(/\.sql$/, "")).sort();
  check(JSON.stringify(applied) === JSON.stringify(files), `each migration applied once (${applied.length} of ${files.length})`);
  await client.end();
  const demo = spawnSync(process.execPath, [path.join(root, "bin", "sms.mjs"), "demo"], { cwd: root, env, encoding: "utf8" });
  if (demo.status !== 0) throw new Error(`sms demo failed: ${demo.stderr}`);

  // ---- Two `next start` on one database.
  if (process.argv.includes("--build") || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    const build = spawnSync(nextBin, ["build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const ports = [3201, 3202];
  // Each server's scheduler looks for due jobs every second, so the scheduled job below waits little.
  const serverOutput = ports.map(() => ({ text: "" }));
  for (const [index, port] of ports.entries()) {
    const server = spawn(nextBin, ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env: { ...env, SMS_SCHEDULER_INTERVAL_MS: "1000" }, stdio: ["ignore", "pipe", "inherit"] });
    server.stdout!.on("data", (chunk: Buffer) => (serverOutput[index]!.text += chunk.toString()));
    servers.push(server);
  }
  const bases = ports.map((port) => `http://127.0.0.1:${port}`);
  for (const base of bases) check(await waitForHealth(base), `${base}/health answers 200`);

  // ---- A job scheduled to activate in one minute becomes Active by itself, once, with both servers'
  // schedulers running on the one database. Scheduled first and checked after the creations, the
  // cancel race and the sessions, so its minute passes while they run, under their load.
  const scheduledJob = await scheduleActivation(serverOutput);

  // ---- 2,000 job creations, half through each instance, all at once.
  const startCounter = (await worker<{ nextJobNumber: number }>("counters")).nextJobNumber;
  const started = performance.now();
  const created = await (async () => {
    const at = together();
    return (await Promise.all([worker<string[]>("create", String(JOBS / 2), "8", at), worker<string[]>("create", String(JOBS / 2), "8", at)])).flat();
  })();
  console.log(`     ${JOBS} jobs created by two instances in ${Math.round(performance.now() - started)} ms`);
  const numbers = created.map((jobId) => parseInt(jobId.slice(3), 36)).sort((a, b) => a - b);
  check(new Set(created).size === JOBS, `${JOBS} job IDs, no duplicate (${new Set(created).size} distinct)`);
  check(numbers[0] === startCounter + 1 && numbers.at(-1) === startCounter + JOBS && numbers.every((number, index) => number === startCounter + 1 + index), `no skipped ID: BPC${(startCounter + 1).toString(36).toUpperCase().padStart(5, "0")} to BPC${(startCounter + JOBS).toString(36).toUpperCase().padStart(5, "0")}`);
  const counters = await worker<{ nextJobNumber: number; jobs: number }>("counters");
  check(counters.nextJobNumber === startCounter + JOBS, `no lost update of the site's job counter (${counters.nextJobNumber} = ${startCounter} + ${JOBS})`);

  // ---- Both instances race to cancel the same 200 jobs: each job is canceled exactly once.
  const raced = created.slice(0, 200);
  const at = together();
  const outcomes = await Promise.all([worker<{ canceled: number; refused: number }>("cancel", raced.join(","), at), worker<{ canceled: number; refused: number }>("cancel", raced.join(","), at)]);
  const canceled = outcomes[0].canceled + outcomes[1].canceled;
  const transitions = await canceledTransitions(url, raced);
  check(canceled === 200 && transitions.length === 200 && transitions.every((count) => count === 1), `200 jobs both instances canceled at once: canceled once each (${outcomes[0].canceled} + ${outcomes[1].canceled}; refused ${outcomes[0].refused + outcomes[1].refused})`);

  // ---- Sessions and the sign-in limit live in the database: a session begun on one instance is
  // good on the other, a sign-out on one ends it on both, and wrong passwords count across both.
  await checkSessionsAcrossInstances(bases);

  // ---- The job scheduled at the start: Active by itself, once (before the .INS checks, which its
  // activation would change under them).
  await checkScheduledActivation(url, serverOutput, scheduledJob);

  // ---- Every instance serves every client's current .INS.
  const smsIds = await computerIds(url);
  await checkInstructionFiles(bases, smsIds, "after the demo");
  // Warm both instances' caches on the client, then change its file through a worker and ask again
  // with the old ETag: each instance must notice the change made elsewhere.
  const before = await Promise.all(bases.map((base) => fetch(`${base}/pcmins.box/MDM00005.INS`)));
  const oldTags = before.map((response) => response.headers.get("etag") ?? '"none"');
  const sent = created[JOBS - 1]!;
  await worker("send", sent);
  const afterSend = await checkInstructionFiles(bases, ["MDM00005"], `after another process sent ${sent}`, oldTags);
  check(afterSend.get("MDM00005") !== undefined && afterSend.get("MDM00005") !== oldTags[0], "the file changed and neither instance answered 304 to the old ETag");
  await worker("cancel", sent);
  await checkInstructionFiles(bases, ["MDM00005"], `after another process canceled ${sent}`, [afterSend.get("MDM00005") ?? "", afterSend.get("MDM00005") ?? ""]);

  // ---- SIGTERM: Next's server stops listening, lets the requests it is answering finish, exits.
  // Connections it accepted but had not yet read a request from are closed unanswered (Node's
  // server.close()); a load balancer drains an instance (its /health) before stopping it.
  const current = await checkInstructionFiles(bases, smsIds, "before SIGTERM");
  const inFlight = Array.from({ length: 200 }, (_, index) =>
    fetch(`${bases[0]}/pcmins.box/${smsIds[index % smsIds.length]}.INS`).then(
      async (response) => {
        const body = Buffer.from(await response.arrayBuffer());
        const isWhole = response.status !== 200 || tagOf(body) === current.get(smsIds[index % smsIds.length]!);
        return { answer: `status ${response.status}${isWhole ? "" : " cut short"}`, at: Date.now() };
      },
      (error: Error) => ({ answer: `unanswered (${(error.cause as { code?: string } | undefined)?.code ?? error.message})`, at: Date.now() }),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 30));
  const exited = new Promise<number | null>((resolve) => servers[0]!.once("exit", (code) => resolve(code)));
  const signaledAt = Date.now();
  servers[0]!.kill("SIGTERM");
  const answers = await Promise.all(inFlight);
  const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve("still running after 15 s"), 15_000))]);
  const tally = Object.entries(answers.reduce<Record<string, number>>((counts, { answer }) => ({ ...counts, [answer]: (counts[answer] ?? 0) + 1 }), {})).map(([answer, count]) => `${answer}: ${count}`).join(", ");
  const answeredAfterSignal = answers.filter(({ answer, at }) => answer.startsWith("status") && at > signaledAt).length;
  check(answeredAfterSignal > 0 && !answers.some(({ answer }) => answer.includes("cut short")), `SIGTERM during 200 requests: ${answeredAfterSignal} answered after the signal, none cut short (${tally})`);
  check(typeof code !== "string", `the instance exits after SIGTERM (exit ${code})`);
  check(await waitForHealth(bases[1]!), "the other instance keeps serving");
} finally {
  for (const server of servers) if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
  await Promise.all(servers.map((server) => (server.exitCode === null && server.signalCode === null ? new Promise((resolve) => server.once("exit", resolve)) : null)));
  await dropPostgresqlDatabase(DATABASE);
}

console.log(failures.length === 0 ? "\nTwo instances on one PostgreSQL database: all checks passed." : `\n${failures.length} check(s) failed.`);
process.exit(failures.length === 0 ? 0 : 1);

async function checkSessionsAcrossInstances(bases: string[]): Promise<void> {
  const email = "instances@example.com";
  const password = "two-instances-passphrase";
  const created = spawnSync(process.execPath, [path.join(root, "bin", "sms.mjs"), "user", "create", "--email", email, "--name", "Two instances", "--role", "operator", "--password-env", "SMS_INSTANCES_PASSWORD"], {
    cwd: root,
    env: { ...env, SMS_INSTANCES_PASSWORD: password },
    encoding: "utf8",
  });
  check(created.status === 0, `a user is created for the session checks${created.stderr}`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
  try {
    const signIn = async (page: Page, base: string, secret: string, account = email) => {
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("Email").fill(account);
      await page.getByLabel("Password").fill(secret);
      await page.getByRole("button", { name: "Sign in" }).click();
      // Signed in, or told why not: "networkidle" could come before a slow sign-in's redirect on a busy machine.
      await page.getByRole("button", { name: "Sign out" }).or(page.getByRole("alert").filter({ hasText: /wrong|Too many/ })).first().waitFor({ timeout: 60_000 });
    };
    // Cookies belong to the host, not the port: one browser reaches both instances with one session.
    const page = await (await browser.newContext()).newPage();
    await signIn(page, bases[0]!, password);
    await page.goto(`${bases[1]}/jobs`);
    check((await page.getByRole("heading", { name: "Jobs", level: 1 }).count()) === 1, "a session begun on instance 1 is good on instance 2");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${bases[0]}/jobs`);
    check(page.url().includes("/sign-in"), "signing out on instance 2 ends the session on instance 1");

    // An account that has not signed in from this address: one that has keeps trying past the limit.
    const wrong = await (await browser.newContext()).newPage();
    const answers: string[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      await signIn(wrong, bases[attempt % 2]!, `wrong-passphrase-${attempt}`, `never-here-${email}`);
      answers.push((await wrong.getByRole("alert").filter({ hasText: /wrong|Too many/ }).first().textContent()) ?? "");
    }
    const checked = answers.filter((answer) => answer.includes("Email or password is wrong")).length;
    check(checked === 10 && answers.slice(10).every((answer) => answer.includes("Too many")), `wrong passwords alternating between the instances: 10 checked, then refused on both (${checked} checked)`);
  } finally {
    await browser.close();
  }
}

/** Polls until `condition` gives a value or `limitMs` passes (then null): waits for a state, never for a time. */
async function pollFor<T>(condition: () => Promise<T | null>, limitMs: number): Promise<T | null> {
  const limit = Date.now() + limitMs;
  for (;;) {
    const value = await condition();
    if (value !== null || Date.now() > limit) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Schedules a job one minute ahead once both servers' schedulers run; checkScheduledActivation follows it up. */
async function scheduleActivation(serverOutput: { text: string }[]): Promise<{ jobId: string; activateAt: string }> {
  const started = "scheduler: started, looking for due jobs every 1 s";
  const running = await pollFor(async () => (serverOutput.every((output) => output.text.includes(started)) ? true : null), 60_000);
  check(running === true, `both servers' schedulers are running (${serverOutput.map((output, index) => `server ${index + 1}: ${output.text.includes(started) ? "started" : "no start line"}`).join(", ")})`);
  // The servers' clock is this host's: the wall clock the scheduler compares with.
  const activateAt = currentWallClock(new Date(Date.now() + 60_000));
  const scheduled = await worker<{ jobId: string; errors: string[]; unacknowledgedWarnings: string[] }>("schedule", activateAt);
  const { jobId } = scheduled;
  check(scheduled.errors.length === 0 && scheduled.unacknowledgedWarnings.length === 0, `job ${jobId}, scheduled for ${activateAt}, passes its review (errors: ${scheduled.errors.join(", ") || "none"}; unacknowledged: ${scheduled.unacknowledgedWarnings.join(", ") || "none"})`);
  return { jobId, activateAt };
}

async function checkScheduledActivation(databaseUrl: string, serverOutput: { text: string }[], { jobId, activateAt }: { jobId: string; activateAt: string }): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Generous: the Done-when's minute plus room for a machine slowed by other work; fails with why.
    const limitMs = wallClockToLocalDate(activateAt).getTime() + 5 * 60_000 - Date.now();
    const active = await pollFor(async () => {
      const { rows } = await client.query<{ state: string }>('SELECT state FROM "Job" WHERE "jobId" = $1', [jobId]);
      return rows[0]?.state === "ACTIVE" ? true : null;
    }, limitMs);
    if (active === null) {
      const { rows } = await client.query<{ state: string; activationProblem: string | null }>('SELECT state, "activationProblem" FROM "Job" WHERE "jobId" = $1', [jobId]);
      check(false, `job ${jobId} scheduled for ${activateAt} became Active within 5 minutes of that time (still ${rows[0]?.state}; ${rows[0]?.activationProblem ?? "no activation problem recorded"})`);
      return;
    }
    // The winner logs its pass after the commit: wait for that line, then count every server's.
    const activatedLine = new RegExp(`^scheduler: activated .*\\b${jobId}\\b`, "gm");
    const logged = () => serverOutput.map((output) => output.text.match(activatedLine)?.length ?? 0);
    await pollFor(async () => (logged().some((count) => count > 0) ? true : null), 30_000);
    // "at" is a UTC timestamp without zone: read as milliseconds since the epoch, never as local time.
    const transitions = (await client.query<{ actor: string; atMs: string }>(`SELECT actor, extract(epoch FROM "at") * 1000 AS "atMs" FROM "JobTransition" WHERE "jobId" = $1 AND "toState" = 'ACTIVE'`, [jobId])).rows.map((row) => ({ actor: row.actor, at: new Date(Number(row.atMs)) }));
    const sends = Number((await client.query<{ count: string }>(`SELECT count(*) FROM "AuditEvent" WHERE "objectId" = $1 AND action = 'job.send'`, [jobId])).rows[0]!.count);
    check(
      transitions.length === 1 && sends === 1 && logged().reduce((sum, count) => sum + count, 0) === 1,
      `job ${jobId} activated once: ${transitions.length} Pending → Active, ${sends} job.send audit row(s), activated by server ${logged().map((count, index) => (count > 0 ? index + 1 : "")).filter(Boolean).join(" and ") || "none"}`,
    );
    check(transitions[0]?.actor === "scheduler", `by the scheduler, not a user (${transitions[0]?.actor})`);
    const lateByMs = transitions[0] ? transitions[0].at.getTime() - wallClockToLocalDate(activateAt).getTime() : NaN;
    check(lateByMs >= 0 && lateByMs <= 60_000, `Active at ${transitions[0] ? currentWallClock(transitions[0].at) : "never"}: not before ${activateAt} and within a minute of it (${Math.round(lateByMs / 1000)} s after)`);
  } finally {
    await client.end();
  }
}

async function waitForHealth(base: string): Promise<boolean> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/health`);
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** How many times each job was recorded as canceled. */
async function canceledTransitions(databaseUrl: string, jobIds: string[]): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "JobTransition" WHERE "toState" = 'CANCELED' AND "jobId" = ANY($1) GROUP BY "jobId"`, [jobIds]);
  await client.end();
  return rows.map((row) => Number(row.count));
}

async function computerIds(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const ids = (await client.query<{ smsId: string }>('SELECT "smsId" FROM "Computer" ORDER BY 1')).rows.map((row) => row.smsId);
  await client.end();
  return ids;
}

function tagOf(bytes: Buffer): string {
  return `"${createHash("sha1").update(bytes).digest("base64url")}"`;
}

/**
 * Compares what each instance serves for the clients with what `sms box sync` (the data layer in
 * a process of its own) writes now; a conditional GET with a stale ETag must get the new bytes.
 * Returns each client's current ETag.
 */
async function checkInstructionFiles(bases: string[], smsIds: string[], when: string, staleTags: string[] = []): Promise<Map<string, string>> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "sms-instances-box-"));
  const sync = spawnSync(process.execPath, [path.join(root, "bin", "sms.mjs"), "box", "sync", directory], { cwd: root, env, encoding: "utf8" });
  if (sync.status !== 0) throw new Error(`sms box sync failed: ${sync.stderr}`);
  const tags = new Map<string, string>();
  let mismatches = 0;
  let withFile = 0;
  for (const smsId of smsIds) {
    const file = path.join(directory, `${smsId}.INS`);
    const expected = existsSync(file) ? readFileSync(file) : null;
    if (expected) {
      withFile++;
      tags.set(smsId, tagOf(expected));
    }
    for (const [index, base] of bases.entries()) {
      const headers: Record<string, string> = staleTags[index] ? { "If-None-Match": staleTags[index]! } : {};
      const response = await fetch(`${base}/pcmins.box/${smsId}.INS`, { headers });
      const body = Buffer.from(await response.arrayBuffer());
      const isRight = expected ? response.status === 200 && body.equals(expected) && response.headers.get("etag") === tagOf(expected) : response.status === 404;
      if (!isRight) {
        mismatches++;
        console.log(`     ${base}/pcmins.box/${smsId}.INS: ${response.status}, expected ${expected ? `${expected.length} bytes` : "404"}`);
      }
    }
  }
  rmSync(directory, { recursive: true, force: true });
  check(mismatches === 0, `${when}: both instances serve the current .INS of ${smsIds.length} client(s) (${withFile} with a file)`);
  return tags;
}

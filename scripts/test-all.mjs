// npm test: every check CI runs, in phases whose parts run side by side. A part waits on its
// own work (fsyncs, PostgreSQL, a browser, a server) much of the time; side by side, the machine's
// cores stay busy and the whole run takes far less than one part after another.
// Each line of a part's output is prefixed with its name; a phase ends when all its parts have, and
// the run stops after the first phase with a failed part. A summary of times ends the output.
// Colours are off: prefixed lines from parts side by side are read in a CI log.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** One part: npm scripts run one after another, under one name. */
const part = (name, scripts, env = {}) => ({ name, scripts, env });

const PHASES = [
  // `next typegen` (typecheck) and `next build` both write .next/types: never side by side.
  [part("lint", ["lint"]), part("typecheck", ["typecheck"])],
  [
    part("unit:sqlite", ["test:unit"]),
    part("unit:postgresql", ["test:unit:postgresql"]),
    // The two-instance test needs the build; the e2e runs below reuse it.
    part("build+instances", ["build", "test:instances"]),
  ],
  // Each run has its own server, port, database, sign-in states and results folder.
  [part("e2e:sqlite", ["test:e2e"], { SMS_SKIP_BUILD: "1", E2E_PORT: "3100" }), part("e2e:postgresql", ["test:e2e:postgresql"], { SMS_SKIP_BUILD: "1", E2E_PORT: "3110" })],
];

/** After a part's process exits, how long its output may take to drain (a server it left holds the pipe). */
const DRAIN_MS = 5_000;
/** After a stop signal is passed on, how long the parts get before they are killed. */
const STOP_GRACE_MS = 10_000;

const running = new Set();
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    // Each part is its own process group: the signal reaches npm, the runners and the servers they started.
    const exited = [...running].map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", resolve))));
    for (const child of running) signalGroup(child, signal);
    const timer = setTimeout(() => running.forEach((child) => signalGroup(child, "SIGKILL")), STOP_GRACE_MS);
    await Promise.all(exited);
    clearTimeout(timer);
    process.exit(128 + os.constants.signals[signal]);
  });
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function runScript(name, script, env) {
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", "--silent", script], { cwd: root, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    running.add(child);
    const streams = [child.stdout, child.stderr];
    for (const stream of streams) {
      stream.setEncoding("utf8");
      let partial = "";
      const flush = () => {
        if (partial) process.stdout.write(`[${name}] ${partial}\n`);
        partial = "";
      };
      stream.on("data", (chunk) => {
        const lines = (partial + chunk).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
      });
      stream.on("end", flush);
      stream.on("close", flush);
    }
    child.on("error", (error) => {
      running.delete(child);
      process.stdout.write(`[${name}] could not start npm run ${script}: ${error.message}\n`);
      resolve(1);
    });
    // The exit code decides, as a shell's `&&` would; a process the part left behind holding the
    // output pipe must not keep the phase waiting, so the output gets a moment to drain, then is cut.
    child.on("exit", (code, signal) => {
      running.delete(child);
      const drained = Promise.all(streams.map((stream) => (stream.readableEnded || stream.destroyed ? null : new Promise((done) => stream.once("close", done)))));
      const timer = setTimeout(() => streams.forEach((stream) => stream.destroy()), DRAIN_MS);
      drained.then(() => {
        clearTimeout(timer);
        resolve(code ?? 128 + (os.constants.signals[signal] ?? 0));
      });
    });
  });
}

const times = [];

async function runPart({ name, scripts, env }) {
  const started = Date.now();
  for (const script of scripts) {
    const code = await runScript(name, script, env);
    if (code !== 0) {
      times.push({ name, seconds: (Date.now() - started) / 1000, result: `FAILED in ${script} (exit ${code})` });
      return false;
    }
  }
  times.push({ name, seconds: (Date.now() - started) / 1000, result: "passed" });
  return true;
}

const started = Date.now();
let passed = true;
for (const phase of PHASES) {
  if (!passed) {
    for (const { name } of phase) times.push({ name, seconds: 0, result: "not run" });
    continue;
  }
  const results = await Promise.all(phase.map(runPart));
  if (results.includes(false)) passed = false;
}
console.log(`\nnpm test: ${passed ? "every check passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
for (const { name, seconds, result } of times) console.log(`  ${name.padEnd(18)} ${String(Math.round(seconds)).padStart(5)} s  ${result}`);
process.exit(passed ? 0 : 1);

// npm test: every check CI runs, in phases whose parts run side by side. A part waits on its
// own work (fsyncs, PostgreSQL, a browser, a server) much of the time; side by side, the machine's
// cores stay busy and the whole run takes about half as long as one part after another.
// Each line of a part's output is prefixed with its name; a phase ends when all its parts have, and
// the run stops after the first phase with a failed part. A summary of times ends the output.
// Colours are off: prefixed lines from parts side by side are read in a CI log.
import { spawn } from "node:child_process";
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

const times = [];
const children = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(130);
  });
}

function runScript(name, script, env) {
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", "--silent", script], { cwd: root, env: { ...process.env, NO_COLOR: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    for (const stream of [child.stdout, child.stderr]) {
      let partial = "";
      stream.on("data", (chunk) => {
        const lines = (partial + chunk.toString()).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
      });
      stream.on("end", () => partial && process.stdout.write(`[${name}] ${partial}\n`));
    }
    child.on("close", (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function runPart({ name, scripts, env }) {
  const started = Date.now();
  for (const script of scripts) {
    const code = await runScript(name, script, env);
    if (code !== 0) {
      times.push({ name, seconds: (Date.now() - started) / 1000, result: `failed in ${script} (exit ${code})` });
      return false;
    }
  }
  times.push({ name, seconds: (Date.now() - started) / 1000, result: "passed" });
  return true;
}

const started = Date.now();
let passed = true;
for (const phase of PHASES) {
  const results = await Promise.all(phase.map(runPart));
  if (results.includes(false)) {
    passed = false;
    break;
  }
}
console.log(`\nnpm test: ${passed ? "every check passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
for (const { name, seconds, result } of times) console.log(`  ${name.padEnd(18)} ${String(Math.round(seconds)).padStart(5)} s  ${result}`);
process.exit(passed ? 0 : 1);

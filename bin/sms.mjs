#!/usr/bin/env node
// Launches the TypeScript CLI. The data layer is marked server-only, which Node resolves only
// under the react-server condition, so the CLI runs with it (as Next's server does). It runs from
// the console's own directory, so the default database is the console's; file arguments are
// resolved from where the command was typed (SMS_CLI_CWD).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx");
const cli = spawn(
  process.execPath,
  ["--conditions=react-server", "--no-warnings=ExperimentalWarning", "--import", tsx, path.join(root, "cli", "sms.ts"), ...process.argv.slice(2)],
  { stdio: "inherit", cwd: root, env: { ...process.env, SMS_CLI_CWD: process.cwd(), TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") } },
);
// This launcher is the PID a shell or service manager signals: pass stop signals on to the CLI,
// which then ends its command (an unfinished import is rolled back) instead of running on alone.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => cli.kill(signal));
cli.on("exit", (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));

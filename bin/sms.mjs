#!/usr/bin/env node
// Launches the CLI, compiled ahead of time into .sms-cli/ (scripts/build-cli.mjs) so it starts at
// once. A build older than its sources is rebuilt first; when there is none and none can be made,
// the TypeScript sources run through tsx as before. It runs from the console's own directory, so the
// default database is the console's; file arguments are resolved from where the command was typed
// (SMS_CLI_CWD).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { buildCli, CLI_ENTRY, isCliBuildCurrent } = await import(pathToFileURL(path.join(root, "scripts", "build-cli.mjs")).href);

let isCompiled = isCliBuildCurrent();
if (!isCompiled) {
  try {
    await buildCli();
    isCompiled = true;
  } catch (error) {
    if (process.env.SMS_DEBUG) console.error(`sms: could not compile the CLI, running its sources through tsx: ${error}`);
  }
}

if (isCompiled) {
  process.env.SMS_CLI_CWD = process.cwd();
  process.chdir(root);
  await import(pathToFileURL(CLI_ENTRY).href);
} else {
  // The data layer is marked server-only, which Node resolves only under the react-server condition.
  const tsx = createRequire(import.meta.url).resolve("tsx");
  const cli = spawn(
    process.execPath,
    ["--conditions=react-server", "--no-warnings=ExperimentalWarning", "--import", tsx, path.join(root, "cli", "sms.ts"), ...process.argv.slice(2)],
    { stdio: "inherit", cwd: root, env: { ...process.env, SMS_CLI_CWD: process.cwd(), TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") } },
  );
  // This launcher is the PID a shell or service manager signals: pass stop signals on to the CLI,
  // which then ends its command (an unfinished import is rolled back) instead of running on alone.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => cli.kill(signal));
  cli.on("exit", (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
}

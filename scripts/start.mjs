// npm start: migrate, load the demo into an empty database, build, and serve on PORT (default 3000).
// The console ships with no account: with no user yet, it prints a one-time setup link for the
// first administrator, or, when it has just loaded the demo, a demo administrator's password.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { prepareDatabase, root, run } from "./prepare-database.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const sms = path.join(root, "bin", "sms.mjs");
prepareDatabase({ loadDemo: false });

/** Runs `sms demo`, echoing what it says; true when it loaded the demo into an empty database. */
function loadDemoIfEmpty() {
  const result = spawnSync(process.execPath, [sms, "demo"], { cwd: root, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", env: process.env });
  process.stdout.write(result.stdout ?? "");
  if (result.status !== 0) {
    console.error(`\nsms demo failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  return result.stdout.startsWith("Loaded the demo");
}

const isDemoLoaded = process.env.SMS_DEMO !== "0" && loadDemoIfEmpty();
const next = path.join(root, "node_modules", ".bin", "next");
if (process.env.SMS_SKIP_BUILD !== "1") run(next, ["build"]);

const port = process.env.PORT || "3000";
const publicUrl = process.env.SMS_PUBLIC_URL?.trim() || `http://localhost:${port}`;
console.log(`\nSMS Console: ${publicUrl}\n`);
// Last before serving, so the link or password is the last thing on screen; prints nothing once a user exists.
run(process.execPath, [sms, "user", "first-run", "--url", publicUrl, ...(isDemoLoaded ? ["--demo"] : [])]);
const server = spawn(next, ["start", "-p", port], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

// npm start: migrate, load the demo into an empty database, build, and serve on PORT (default 3000).
import { spawn } from "node:child_process";
import path from "node:path";
import { prepareDatabase, root, run } from "./prepare-database.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const loadDemo = process.env.SMS_DEMO !== "0";
prepareDatabase({ loadDemo });
const next = path.join(root, "node_modules", ".bin", "next");
if (process.env.SMS_SKIP_BUILD !== "1") run(next, ["build"]);

const port = process.env.PORT || "3000";
console.log(`\nSMS Console: http://localhost:${port}\n`);
const server = spawn(next, ["start", "-p", port], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

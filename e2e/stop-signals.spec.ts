import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { expect, test } from "@playwright/test";
import { descendantsOf, isRunning } from "../tests/support/processes";

/**
 * Issue 14, item 8: the README's `npm start` stops gracefully on SIGTERM and SIGINT sent to the
 * PID that command starts (npm's): a request being answered finishes, the port closes, and no
 * process of the tree is left serving. Runs its own `npm start` on a fresh SQLite database and a
 * free port, reusing the build the e2e server made.
 */
const root = path.join(__dirname, "..");

/** `npm start` as the README has it, on its own database and a port the system picks. */
async function startConsole(): Promise<{ npm: ChildProcess; port: number; exited: Promise<number | null>; cleanUp: () => void }> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "sms-stop-"));
  const npm = spawn("npm", ["start"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${path.join(directory, "sms.db")}`, PORT: "0", SMS_SKIP_BUILD: "1", SMS_DEMO: "0", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => npm.once("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: npm.stdout! }).on("line", (line) => {
      const match = /Local:\s+http:\/\/[^:]+:(\d+)/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    npm.once("exit", (code) => reject(new Error(`npm start exited (${code}) before serving`)));
  });
  return { npm, port, exited, cleanUp: () => rmSync(directory, { recursive: true, force: true }) };
}

/** A POST whose headers the server has read (it answered 100 Continue) and whose body is not all sent. */
async function requestInFlight(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (chunk) => (received += chunk.toString("latin1")));
  const ended = new Promise<string>((resolve) => socket.once("close", () => resolve(received)));
  socket.write(`POST /health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/plain\r\nContent-Length: 10\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`);
  await expect.poll(() => received, { timeout: 20_000 }).toContain("100 Continue");
  return { finish: () => socket.write("0123456789"), ended };
}

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`npm start stops on ${signal}: the request in flight is answered, the port closes, nothing is left running`, async () => {
    test.setTimeout(180_000);
    const started = await startConsole();
    let tree: number[] = [];
    try {
      await expect.poll(async () => (await fetch(`http://127.0.0.1:${started.port}/health`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
      tree = descendantsOf(started.npm.pid!);
      const inFlight = await requestInFlight(started.port);
      process.kill(started.npm.pid!, signal);
      await expect.poll(() => refusesConnections(started.port), { timeout: 30_000 }).toBe(true);
      inFlight.finish();
      const answer = await inFlight.ended;
      // The whole answer: a final status line after the 100, and a body as long as it says.
      const final = answer.slice(answer.lastIndexOf("HTTP/1.1 "));
      expect(final).toMatch(/^HTTP\/1\.1 [1-5]\d\d /);
      expect(final).not.toMatch(/^HTTP\/1\.1 100 /);
      await started.exited;
      expect(tree.filter(isRunning)).toEqual([]);
    } finally {
      // A process orphaned by a failed stop is no longer npm's descendant: end the tree seen while serving.
      for (const pid of [started.npm.pid!, ...tree, ...descendantsOf(started.npm.pid!)]) if (isRunning(pid)) process.kill(pid, "SIGKILL");
      started.cleanUp();
    }
  });
}

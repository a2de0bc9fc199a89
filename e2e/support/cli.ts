import { execFileSync } from "node:child_process";
import path from "node:path";
import { e2eDatabaseUrl } from "./database-url";

const root = path.join(__dirname, "..", "..");

/** Runs `sms …` against the e2e server's database, as an administrator on the console's machine would. */
export function sms(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [path.join(root, "bin", "sms.mjs"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), ...env },
    encoding: "utf8",
  });
}

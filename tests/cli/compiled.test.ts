import { spawnSync } from "node:child_process";
import { readFileSync, utimesSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const inputs = path.resolve(".sms-cli/inputs.json");
const builtAt = () => (JSON.parse(readFileSync(inputs, "utf8")) as { builtAt: number }).builtAt;
const sms = (...args: string[]) => spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env } });

describe("the compiled CLI", () => {
  it("runs from its build, and rebuilds it first when a source it was built from changed", () => {
    expect(sms("--help").status).toBe(0);
    const first = builtAt();
    expect(sms("rules").status).toBe(0);
    expect(builtAt()).toBe(first);

    // A later change to a command's source: the next call compiles again before running.
    const source = path.resolve("cli/commands/rules.ts");
    const changedAt = new Date(Math.max(Date.now(), first + 1_000));
    utimesSync(source, changedAt, changedAt);
    const result = sms("rules");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("R1 ");
    expect(builtAt()).toBeGreaterThan(first);
  });
});

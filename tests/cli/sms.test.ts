import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDemoSiteDocument } from "@/lib/demo/demo-site-document";
import { resetDatabase } from "../support/reset-database";

const workDirectory = mkdtempSync(path.join(os.tmpdir(), "sms-cli-"));

function sms(...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env }, cwd: workDirectory, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
  const target = path.join(workDirectory, name);
  writeFileSync(target, content);
  return name;
}

beforeAll(resetDatabase);

describe("sms CLI", () => {
  it("lists its commands", () => {
    const result = sms("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/import .*\n.*export .*\n.*demo /);
  });

  it.each(["import", "export", "demo"])("has --help for %s", (command) => {
    const result = sms(command, "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: sms ${command}`));
  });

  it.each<[string[], number, string]>([
    [["frobnicate"], 2, 'sms: unknown command "frobnicate"; run "sms --help" for the list\n'],
    [["import"], 2, "sms: import needs exactly one FILE (or - for standard input)\n"],
    [["import", "missing.json"], 2, "sms: missing.json: no such file\n"],
    [["export", "extra"], 2, 'sms: export takes no arguments (got "extra"); use -o FILE\n'],
    [["export", "--bogus"], 2, "sms: Unknown option '--bogus'; see --help\n"],
  ])("answers %j with one clear line and exit %i", (args, code, stderr) => {
    const result = sms(...args);
    expect(result.code).toBe(code);
    expect(result.stderr).toBe(stderr);
  });

  it("says which file is not JSON", () => {
    const result = sms("import", file("broken.json", "{ not json"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sms: broken\.json is not valid JSON: .+\n$/);
  });

  it("lists every problem of an invalid document with its JSON path, and exits 1", () => {
    const document = buildDemoSiteDocument();
    const broken = { ...document, sites: [{ ...document.sites![0]!, code: "NUL" }, ...document.sites!.slice(1)], packages: [{ ...document.packages![0]!, packageId: "X" }] };
    const result = sms("import", file("invalid.json", JSON.stringify(broken)));
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n")).toEqual(
      expect.arrayContaining([
        "sms: The site document has 2 problems; nothing was imported",
        "  sites[0].code: Site code cannot be NUL: it is a reserved device name",
        "  packages[0].packageId: Package ID must be 8 characters: a site code and 5 base-36 characters, e.g. BPC0000A",
      ]),
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("imports a document and exports it again", () => {
    const imported = sms("import", file("demo.json", JSON.stringify(buildDemoSiteDocument())));
    expect(imported.stdout).toBe("Imported 4 sites, 6 servers, 41 computers, 3 machine groups, 6 packages and 0 jobs.\n");
    const exported = sms("export");
    expect(exported.code).toBe(0);
    const document = JSON.parse(exported.stdout);
    expect(document.format).toBe("sms-console/site-document");
    expect(document.computers).toHaveLength(41);
    expect(sms("demo").stdout).toBe("The database already holds data; the demo was not loaded.\n");
  });
});

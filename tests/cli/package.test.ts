import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSite } from "@/lib/data/sites/sites";
import { KB_PDF_NAMES } from "@/lib/pdf/fixtures/kb-fixtures";
import { siteInputSchema } from "@/lib/sites/schema";
import { resetDatabase } from "../support/reset-database";

function sms(...args: string[]) {
  const result = spawnSync(process.execPath, [path.resolve("bin/sms.mjs"), ...args], { encoding: "utf8", env: { ...process.env }, input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixture = (name: string) => path.resolve("lib/pdf/fixtures", name);
const scratch = mkdtempSync(path.join(os.tmpdir(), "sms-pdf-"));
function scratchFile(name: string, content: string | Uint8Array) {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

beforeEach(async () => {
  await resetDatabase();
  await createSite({ input: siteInputSchema.parse({ code: "BPC", name: "BPC", smsVersion: "1.2", servicePack: 3, pcmPollingIntervalMinutes: 20 }) });
});

describe("sms package import-pdf", () => {
  it.each(KB_PDF_NAMES)("previews %s as its golden output with --dry-run and creates nothing", async (name) => {
    const result = sms("package", "import-pdf", fixture(name), "--dry-run");
    expect([result.code, result.stderr]).toEqual([0, ""]);
    await expect(result.stdout).toMatchFileSnapshot(`golden/import-pdf-${name}.txt`);
    expect(await db.package.count()).toBe(0);
  });

  it.each(KB_PDF_NAMES)("creates %s's package, and export-pdf then import-pdf gives the same package", async (name) => {
    const first = sms("package", "import-pdf", fixture(name), "--json");
    expect(first.code).toBe(0);
    const { packageId, package: before } = JSON.parse(first.stdout);
    const exported = sms("package", "export-pdf", packageId);
    expect(exported.code).toBe(0);
    const again = sms("package", "import-pdf", scratchFile(`${packageId}.PDF`, exported.stdout), "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).package).toEqual(before);
    expect(await db.package.count()).toBe(2);
  }, 120_000);

  it("refuses a malformed CRC and a missing CommandLine with their lines, exit 1, nothing created", async () => {
    const file = scratchFile("BROKEN.PDF", ["[PDF]", "Version=1.0", "[Package Definition]", "Product=X", "SetupVariations=Typical", "[Typical Setup]", "CommandName=Typical", "SupportedPlatforms=Windows95", "[Setup Package for Inventory]", "InventoryThisPackage=TRUE", "Detection Rule Part 1=File 1", "[File 1]", "FILE=X.EXE", "CRC=1 2 3"].join("\r\n"));
    const result = sms("package", "import-pdf", file);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        "BROKEN.PDF: cannot be imported",
        "Problems:",
        "  line 6: error: [Typical Setup] has no CommandLine=",
        "  line 14: error: CRC=1 2 3 is malformed: a CRC is three numbers separated by commas, e.g. 512,2048,23537 (Q167631)",
        "Nothing was created.",
        "",
      ].join("\n"),
    );
    expect(await db.package.count()).toBe(0);
  });

  it.each([
    ["a 5 MB file", () => new Uint8Array(5 * 1024 * 1024).fill(0x41), "file: error: The file is 5.0 MB; a Package Definition File may be at most 256 KB"],
    ["binary garbage", () => Uint8Array.from({ length: 1000 }, (_, index) => (index * 131) % 256), "line 1: error: The file is not text (a control or non-Latin-1 character on line 1); a Package Definition File is an INI text file"],
    ["10,000 sections", () => Array.from({ length: 10_000 }, (_, index) => `[S${index}]`).join("\n"), "line 501: error: The file has more than 500 sections; a Package Definition File needs a few dozen at most"],
  ])("refuses %s with one clear error", async (_, content, message) => {
    const result = sms("package", "import-pdf", scratchFile("BAD.PDF", content()));
    expect([result.code, result.stdout]).toEqual([1, `BAD.PDF: cannot be imported\nProblems:\n  ${message}\nNothing was created.\n`]);
    expect(await db.package.count()).toBe(0);
  });

  it("names what is wrong with how it was called", () => {
    expect(sms("package", "import-pdf").stderr).toBe("sms: package import-pdf takes one FILE\n");
    expect(sms("package", "import-pdf", path.join(scratch, "missing.PDF")).stderr).toBe(`sms: cannot read ${path.join(scratch, "missing.PDF")}: ENOENT\n`);
    expect(sms("package", "export-pdf", "BPC0000Z")).toMatchObject({ code: 1, stderr: "sms: Package BPC0000Z does not exist\n" });
  }, 120_000);
});

import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportPackageDefinition, importPackageDefinition } from "@/lib/data/packages/package-definitions";
import { createPackage, getPackage, listPackages, updatePackage } from "@/lib/data/packages/packages";
import { createSite } from "@/lib/data/sites/sites";
import { packageInputSchema } from "@/lib/packages/schema";
import { KB_PDF_NAMES, readKbPdf } from "@/lib/pdf/fixtures/kb-fixtures";
import { siteInputSchema } from "@/lib/sites/schema";
import { resetDatabase } from "../support/reset-database";

beforeEach(async () => {
  await resetDatabase();
  await createSite({ input: siteInputSchema.parse({ code: "BPC", name: "BPC", smsVersion: "1.2", servicePack: 3, pcmPollingIntervalMinutes: 20 }) });
});

const importPdf = (bytes: Uint8Array, isDryRun = false) => importPackageDefinition({ bytes, fileName: "TEST.PDF", siteCode: "BPC", isDryRun });
const packageCount = () => db.package.count();

describe("importing a Package Definition File", () => {
  it("previews OFF95STD.PDF without creating anything", async () => {
    const preview = await importPdf(readKbPdf("OFF95STD.PDF"), true);
    expect(preview.package?.commandLines.map((line) => line.commandName)).toEqual(["Compact", "Typical", "Complete", "Workstation", "Custom", "Uninstall"]);
    expect(preview.packageId).toBeNull();
    expect(await packageCount()).toBe(0);
  });

  it.each(KB_PDF_NAMES)("creates %s's package, which exports and imports again as the same package", async (name) => {
    const first = await importPdf(readKbPdf(name));
    const exported = await exportPackageDefinition({ packageId: first.packageId! });
    expect(exported.fileName).toBe(`${first.packageId}.PDF`);
    const second = await importPdf(Buffer.from(exported.text, "latin1"));
    const [one, two] = await Promise.all([getPackage(first.packageId!), getPackage(second.packageId!)]);
    const strip = (pkg: typeof one) => ({ ...pkg!, packageId: "", version: 0, commandLines: pkg!.commandLines.map((line) => ({ ...line, id: 0 })) });
    expect(strip(two)).toEqual(strip(one));
    expect(await db.auditEvent.count({ where: { action: "package.create", detail: "Imported from the Package Definition File TEST.PDF" } })).toBe(2);
  });

  it("refuses a malformed CRC and a missing CommandLine with both lines, creating nothing", async () => {
    const text = readKbPdf("OFF95STD.PDF");
    const broken = Buffer.from(text).toString("latin1").replace("   CommandLine=setup.exe /Q1 /B1\n", "").replace("SIZE=365056", "SIZE=365056\n   CRC=512 2048 23537");
    const result = await importPdf(Buffer.from(broken, "latin1"));
    expect(result.package).toBeNull();
    expect(result.problems.filter((problem) => problem.severity === "error").map((problem) => [problem.line, problem.message.split(" ")[0]])).toEqual([
      [16, "[Typical"],
      [57, "CRC=512"],
    ]);
    expect(await packageCount()).toBe(0);
  });

  it.each([
    ["a 5 MB file", new Uint8Array(5 * 1024 * 1024).fill(0x20), /^The file is 5.0 MB/],
    ["binary garbage", Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256), /^The file is not text/],
    ["10,000 sections", Buffer.from(Array.from({ length: 10_000 }, (_, index) => `[Section ${index}]\nKey=value`).join("\n")), /more than 500 sections/],
  ])("refuses %s with a clear error and creates nothing", async (_, bytes, message) => {
    const result = await importPdf(bytes);
    expect(result.problems).toEqual([expect.objectContaining({ severity: "error", message: expect.stringMatching(message) })]);
    expect(await packageCount()).toBe(0);
  });

  it("refuses a site that does not exist, naming the field", async () => {
    await expect(importPackageDefinition({ bytes: readKbPdf("EXAMPLE.PDF"), fileName: "X.PDF", siteCode: "ZZZ", isDryRun: true })).rejects.toMatchObject({ code: "invalid", issues: [{ path: "siteCode" }] });
  });
});

describe("package property sets", () => {
  const base = { siteCode: "BPC", name: "Office", commandLines: [{ commandName: "Typical", commandLine: "setup.exe", supportedPlatforms: ["WIN16"] }] };

  it("keeps Sharing and Inventory and lists the sets each package has", async () => {
    const shared = await createPackage({ input: packageInputSchema.parse({ ...base, sharing: { sourceDirectory: "\\\\SRC\\OFFICE", shareName: "OFFICE", access: "READ" } }) });
    const inventoried = await createPackage({ input: packageInputSchema.parse({ siteCode: "BPC", name: "Detect", inventory: { isInventoried: true, detectionRule: "File 1 OR File 2", files: [{ fileName: "A.EXE" }, { fileName: "B.EXE", crc: "512,2048,23537" }] } }) });
    expect((await getPackage(shared))?.sharing).toEqual({ sourceDirectory: "\\\\SRC\\OFFICE", shareName: "OFFICE", access: "READ" });
    expect((await getPackage(inventoried))?.inventory).toMatchObject({ isInventoried: true, detectionRule: "File 1 OR File 2", files: [{ fileName: "A.EXE" }, { fileName: "B.EXE", crc: "512,2048,23537" }] });
    expect((await listPackages({ page: 1 })).items.map((pkg) => [pkg.packageId, pkg.propertySets])).toEqual([
      [shared, ["Workstations", "Sharing"]],
      [inventoried, ["Inventory"]],
    ]);
    // An edit that leaves the sets out removes them.
    await updatePackage({ packageId: inventoried, version: 1, input: packageInputSchema.parse({ siteCode: "BPC", name: "Detect" }) });
    expect(await db.packageDetectionFile.count()).toBe(0);
    expect((await getPackage(inventoried))?.inventory).toBeNull();
  });

  it.each(["ADMIN$", "admin$", "C$", "d$"])("refuses the share name %s (event 8, Q122177)", (shareName) => {
    const parsed = packageInputSchema.safeParse({ ...base, sharing: { sourceDirectory: "C:\\SRC", shareName, access: "READ" } });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["sharing.shareName", "Share name cannot be ADMIN$ or a root drive$ share such as C$ (event 8, Q122177)"]]);
  });

  it("reads a form's cleared set box as no set", () => {
    const parsed = packageInputSchema.parse({ ...base, sharing: { isDefined: "", shareName: "" }, inventory: { isDefined: "on", isInventoried: "on", detectionRule: "File 1", files: [{ fileName: "X.EXE" }] } });
    expect([parsed.sharing, parsed.inventory?.files.length]).toEqual([null, 1]);
  });
});

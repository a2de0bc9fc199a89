import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const OFF95 = path.resolve("lib/pdf/fixtures/OFF95STD.PDF");

async function choosePdf(page: Page, file: { name: string; buffer: Buffer } | string) {
  await page.goto("/packages");
  await page.getByRole("link", { name: "Import PDF" }).click();
  await expect(page.getByRole("heading", { name: "Import PDF" })).toBeVisible();
  await page.getByLabel("Package Definition File (.PDF)").setInputFiles(typeof file === "string" ? file : { ...file, mimeType: "application/octet-stream" });
  await page.getByLabel("Site", { exact: true }).selectOption("BPC");
  await page.getByRole("button", { name: "Preview" }).click();
}

async function packageTotal(page: Page): Promise<string> {
  await page.goto("/packages");
  return (await page.getByText(/\d+ packages?/).first().textContent()) ?? "";
}

test("a new user imports OFF95STD.PDF, creates a job for it, exports it and imports the export: the same package", async ({ page }) => {
  await choosePdf(page, OFF95);
  await expect(page.getByRole("heading", { name: "Preview of OFF95STD.PDF" })).toBeVisible();
  const lines = page.getByRole("table", { name: "Command lines to create" });
  await expect(lines.getByRole("row")).toHaveCount(7);
  await expect(lines.getByRole("row", { name: /Custom/ })).toContainText("TRUE");
  await expect(lines.getByRole("row", { name: /Uninstall/ })).toContainText("TRUE");
  await expect(lines.getByRole("row", { name: /Typical/ })).toContainText("FALSE");
  await page.getByLabel("Package name").fill("Office 95 from its PDF");
  await page.getByRole("button", { name: "Create package" }).click();

  await expect(page.getByRole("heading", { name: "Office 95 from its PDF" })).toBeVisible();
  const packageId = (await page.locator("header").getByText(/^BPC[0-9A-Z]{5}$/).textContent())!.trim();
  await expect(page.getByRole("table").last().getByRole("row")).toHaveCount(7);
  await expect(page.getByText("Microsoft Office 95", { exact: true })).toBeVisible();
  await expect(page.getByText("Inventoried; detection rule File 1")).toBeVisible();

  await page.getByRole("link", { name: "New job" }).click();
  await page.getByLabel("Target", { exact: true }).selectOption("MACHINE_GROUP");
  await page.getByLabel("Machine group").selectOption({ label: (await page.getByRole("option", { name: /^BPC NT Workstations/ }).textContent())! });
  await page.getByLabel("Workstation command line").selectOption({ label: "Typical" });
  await page.getByLabel("Mandatory After", { exact: true }).check();
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("heading", { name: /^Job [A-Z0-9]{8} Pending$/ })).toBeVisible();

  await page.goto(`/packages/${packageId}`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export PDF" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${packageId}.PDF`);
  const exported = readFileSync(await download.path());
  expect(exported.toString("latin1")).toContain("SetupVariations=Compact, Typical, Complete, Workstation, Custom, Uninstall");

  await choosePdf(page, { name: `${packageId}.PDF`, buffer: exported });
  await expect(page.getByRole("heading", { name: `Preview of ${packageId}.PDF` })).toBeVisible();
  await expect(page.getByRole("table", { name: "Problems in the PDF" })).toHaveCount(0);
  await page.getByLabel("Package name").fill("Office 95 from its PDF");
  await page.getByRole("button", { name: "Create package" }).click();
  await expect(page.getByRole("heading", { name: "Office 95 from its PDF" })).toBeVisible();
  const secondId = (await page.locator("header").getByText(/^BPC[0-9A-Z]{5}$/).textContent())!.trim();
  expect(secondId).not.toBe(packageId);

  // Identical: the two packages export the same PDF.
  const again = await page.request.get(`/packages/${secondId}/pdf`);
  expect((await again.body()).toString("latin1")).toBe(exported.toString("latin1"));
});

test("a PDF with a malformed CRC and a missing CommandLine is refused with both lines, and nothing is created", async ({ page }) => {
  const before = await packageTotal(page);
  const broken = readFileSync(OFF95, "latin1").replace("   CommandLine=setup.exe /Q1 /B1\n", "").replace("SIZE=365056", "SIZE=365056\n   CRC=512 2048 23537");
  await choosePdf(page, { name: "BROKEN.PDF", buffer: Buffer.from(broken, "latin1") });
  await expect(page.getByRole("alert").filter({ hasText: "BROKEN.PDF cannot be imported: 2 errors. Nothing was created." })).toBeVisible();
  const problems = page.getByRole("table", { name: "Problems in the PDF" });
  await expect(problems.getByRole("row", { name: /\[Typical Setup\] has no CommandLine=/ })).toContainText("16");
  await expect(problems.getByRole("row", { name: /CRC=512 2048 23537 is malformed/ })).toContainText("57");
  await expect(page.getByRole("button", { name: "Create package" })).toHaveCount(0);
  expect(await packageTotal(page)).toBe(before);
});

for (const [what, buffer, message] of [
  ["a 5 MB file", Buffer.alloc(5 * 1024 * 1024, 0x41), "The file is 5.0 MB; a Package Definition File may be at most 256 KB"],
  ["binary garbage", Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 131) % 256)), "The file is not text"],
  ["a PDF with 10,000 sections", Buffer.from(Array.from({ length: 10_000 }, (_, index) => `[Section ${index}]`).join("\r\n")), "The file has more than 500 sections"],
] as const) {
  test(`${what} gets a clear error and nothing is created`, async ({ page }) => {
    const before = await packageTotal(page);
    await choosePdf(page, { name: "BAD.PDF", buffer });
    await expect(page.getByRole("alert").filter({ hasText: "BAD.PDF cannot be imported" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Problems in the PDF" })).toContainText(message);
    expect(await packageTotal(page)).toBe(before);
  });
}

test("a new user sets up a package for sharing and inventory; ADMIN$-like shares and malformed CRCs are refused by field", async ({ page }) => {
  await page.goto("/packages/BPC0000A/edit");
  await page.getByLabel("Set up for sharing (Share Package On Server jobs)").check();
  await page.getByLabel("Sharing source directory").fill("\\\\CNSAPPS1\\SOURCE\\OFFICE43");
  await page.getByLabel("Share name").fill("C$");
  await page.getByLabel("Set up for inventory").check();
  await page.getByLabel("Inventory this package").check();
  await page.getByLabel("Detection rule").fill("File 1");
  await page.getByRole("button", { name: "Add detection file" }).click();
  await page.getByLabel("File name (file 1)").fill("MSOFFICE.EXE");
  await page.getByLabel("CRC (offset,length,value) (file 1)").fill("512 2048 23537");
  await page.getByRole("button", { name: "Save package" }).click();

  await expect(page.getByText("Share name cannot be ADMIN$ or a root drive$ share such as C$ (event 8, Q122177)")).toBeVisible();
  await expect(page.getByText("CRC must be three numbers separated by commas, e.g. 512,2048,23537 (Q167631)")).toBeVisible();
  await page.getByLabel("Share name").fill("OFFICE43");
  await page.getByLabel("CRC (offset,length,value) (file 1)").fill("512,2048,23537");
  await page.getByRole("button", { name: "Save package" }).click();

  await expect(page.getByRole("heading", { name: "Microsoft Office Professional 4" })).toBeVisible();
  await expect(page.getByText("shared as OFFICE43 (Read)")).toBeVisible();
  await expect(page.getByText("Inventoried; detection rule File 1")).toBeVisible();
  await page.goto("/packages?search=BPC0000A");
  await expect(page.getByRole("row", { name: /BPC0000A/ })).toContainText("Workstations, Sharing, Inventory");
});

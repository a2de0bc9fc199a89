import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

test("a client's instruction file downloads from the browser and its dump reads back the same records", async ({ page }) => {
  await page.goto("/instruction-box");
  await page.getByRole("searchbox", { name: "Search by SMS ID" }).fill("MDM");
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("table", { name: "Instruction files" }).getByRole("row").filter({ hasText: "MDM00005.INS" });
  await expect(row).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await row.getByRole("link", { name: "MDM00005.INS" }).last().click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("MDM00005.INS");
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x43, 0x4d, 0x1a]);

  // The web PCMDUMP of the generated file...
  await page.goto("/instruction-box/MDM00005");
  const webDump = await page.getByLabel("PCMDUMP output").textContent();
  expect(webDump).toContain("   File Name       : mdm00005.ins");
  expect(webDump).toContain("   PCM Version     : Beta 455");
  expect(webDump).toContain("   SiteID          : BPC");

  // ...equals the dump of the downloaded bytes, uploaded back.
  await page.goto("/instruction-box/upload");
  await page.getByLabel("Instruction file (.INS)").setInputFiles({ name: "MDM00005.INS", mimeType: "application/octet-stream", buffer: bytes });
  await page.getByRole("button", { name: "Dump" }).click();
  await expect(page.getByLabel("PCMDUMP output")).toHaveText(webDump!);
});

test("a damaged file is reported with the byte offset and field, and the route answers 304, 404 and 400 as it should", async ({ page, request }) => {
  const good = await request.get("/pcmins.box/MDM00005.INS");
  expect(good.status()).toBe(200);
  expect(good.headers()["content-type"]).toBe("application/octet-stream");
  expect(good.headers()["content-disposition"]).toBe('attachment; filename="MDM00005.INS"');
  const etag = good.headers()["etag"]!;
  expect((await request.get("/pcmins.box/mdm00005.ins", { headers: { "If-None-Match": etag } })).status()).toBe(304);
  expect((await request.get("/pcmins.box/MDM00005.INS", { headers: { "If-Modified-Since": good.headers()["last-modified"]! } })).status()).toBe(304);
  expect((await request.get("/pcmins.box/ZZZ00001.INS")).status()).toBe(404);
  expect((await request.get("/pcmins.box/not-an-id.INS")).status()).toBe(400);

  const truncated = (await good.body()).subarray(0, 40);
  await page.goto("/instruction-box/upload");
  await page.getByLabel("Instruction file (.INS)").setInputFiles({ name: "BROKEN.INS", mimeType: "application/octet-stream", buffer: truncated });
  await page.getByRole("button", { name: "Dump" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /^BROKEN\.INS: byte \d+: / })).toBeVisible();
});

test("a pending job shows, before Send, what it will add to each target's instruction file", async ({ page }) => {
  await page.goto("/jobs?state=PENDING");
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByRole("link", { name: /Preview what Send changes/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("What sending");
  const firstFile = page.getByRole("region").first();
  await expect(firstFile).toContainText(/\+\d+ −\d+ lines/);
  await expect(firstFile.getByText(/^\+ {4}PackageID {7}: GBL00015$/)).toBeVisible();
});

test("the whole box downloads as a zip with a progress bar", async ({ page }) => {
  await page.goto("/instruction-box");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: /Download the whole box/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^PCMINS\.BOX-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.getByRole("progressbar", { name: "Box download progress" })).toHaveAttribute("value", "100");
  const zip = readFileSync((await download.path())!);
  expect([...zip.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  expect(zip.toString("latin1")).toContain("PCMINS.BOX/MDM00005.INS");
});

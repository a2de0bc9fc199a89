import { expect, test } from "@playwright/test";

const PAGES: [string, string][] = [
  ["/", "Dashboard"],
  ["/jobs", "Jobs"],
  ["/jobs/new", "New job"],
  ["/jobs/BPC00001", "Job BPC00001 Active"],
  ["/jobs/GBL00001/edit", "Edit job GBL00001"],
  ["/packages", "Packages"],
  ["/packages/new", "New package"],
  ["/packages/BPC0000A", "Microsoft Office Professional 4"],
  ["/packages/BPC0000A/edit", "Edit Microsoft Office Professional 4"],
  ["/sites", "Sites"],
  ["/sites/new", "New site"],
  ["/sites/BPC", "BPC: BPC Primary Site"],
  ["/sites/BPC/edit", "Site BPC properties"],
  ["/sites/BPC/servers/new", "New server in site BPC"],
  ["/sites/BPC/servers/CNS-SMS/edit", "Server CNS-SMS"],
  ["/computers", "Computers"],
  ["/computers/new", "Add computer"],
  ["/computers/MDM00005", "MDM-WKS-05"],
  ["/computers/MDM00005/edit", "Edit MDM-WKS-05"],
  ["/machine-groups", "Machine groups"],
  ["/machine-groups/new", "New machine group"],
  ["/import-export", "Import / Export"],
];

test("every page of the console opens on the demo data without errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  for (const [path, heading] of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: heading }), path).toBeVisible();
  }
  await page.goto("/machine-groups");
  await page.getByRole("link", { name: "BPC NT Workstations" }).click();
  await expect(page.getByRole("table")).toContainText("MDM00005");
  expect(errors).toEqual([]);
});

test("computers filter by site, platform and PCM", async ({ page }) => {
  await page.goto("/computers");
  await page.getByLabel("Site").selectOption("S01");
  await page.getByLabel("Platform").selectOption("MACINTOSH");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/siteCode=S01/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText("Macintosh");
  for (const text of await rows.allTextContents()) if (!text.includes("SMS ID")) expect(text).toContain("S01");
  await page.getByLabel("PCM").selectOption("PCMWIN32");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No computer matches these filters.")).toBeVisible();
});

test("an invalid site document is refused with every problem and its JSON path", async ({ page }) => {
  await page.goto("/import-export");
  const document = {
    format: "sms-console/site-document",
    version: 1,
    sites: [{ code: "AUX", name: "", smsVersion: "1.2", pcmPollingIntervalMinutes: 0 }],
  };
  await page.getByLabel("Site document (JSON)").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(document)) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The site document has 3 problems; nothing was imported" })).toBeVisible();
  const problems = page.getByRole("table", { name: "Problems in the document" });
  await expect(problems).toContainText("sites[0].code");
  await expect(problems).toContainText("sites[0].name");
  await expect(problems).toContainText("sites[0].pcmPollingIntervalMinutes");
  await page.goto("/sites");
  await expect(page.getByRole("table")).not.toContainText("AUX");
});

test("the site document downloads and imports back unchanged", async ({ page }) => {
  await page.goto("/import-export");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download site document" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^sms-site-document-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  await page.getByLabel("Site document (JSON)").setInputFiles(path);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/^Imported 4 sites, 6 servers, \d+ computers/)).toBeVisible();
});

test("the health endpoint answers for a load balancer", async ({ request }) => {
  const response = await request.get("/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", failedCheck: null, checks: { read: { isOk: true }, write: { isOk: true } } });
});

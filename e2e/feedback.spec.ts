import { expect, test } from "@playwright/test";

test("a new package's form starts without errors, says what a missing platform means, and the package page confirms the save", async ({ page }) => {
  await page.goto("/packages/new");
  await expect(page.getByRole("status").filter({ hasText: "The requirement review starts as you fill in the form." })).toBeVisible();
  await expect(page.getByRole("article", { name: /^R19 / })).toHaveCount(0);

  await page.getByLabel("Package name").fill("Feedback check");
  await page.getByLabel("Site", { exact: true }).selectOption("BPC");
  const line = page.getByRole("group", { name: "Command line 1" });
  await line.getByLabel("Command name").fill("Typical");
  await line.getByLabel("Command line", { exact: true }).fill("setup.exe /t");
  await page.getByRole("button", { name: "Create package" }).click();
  await expect(line.getByText("Tick at least one supported platform")).toBeVisible();

  await line.getByLabel("Windows 95").check();
  await page.getByRole("button", { name: "Create package" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Package BPC[0-9A-Z]{5} created\.$/ })).toBeVisible();
  // Windows 95 has no documented OS bit; the mask of 0 says why.
  await expect(page.getByRole("table").getByRole("row", { name: /Typical/ })).toContainText("Windows 95 adds no bit: no KB article documents one");
});

test("the what-if panel refuses an expiry before the offer and says so", async ({ page }) => {
  await page.goto("/jobs?state=PENDING");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/jobs\/[A-Z0-9]{8}$/);
  const jobId = new URL(page.url()).pathname.split("/").at(-1)!;
  await page.goto(`/jobs/${jobId}/simulation?offerAfter=1999-04-01T08:00&expireAfter=1999-03-01T08:00`);
  await expect(page.getByText("Expire After (Mon 1999-03-01 08:00) must be later than Offer After (Thu 1999-04-01 08:00): the job would expire before any client is offered it")).toBeVisible();
});

test("the rules page finds a rule by the behaviour behind it and shows why", async ({ page }) => {
  await page.goto("/rules");
  await page.getByRole("searchbox", { name: "Search the rules" }).fill("LISTNT nopcm");
  await page.getByRole("button", { name: "Search" }).click();
  const rows = page.getByRole("table", { name: "Requirement rules" }).getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("R63");
  await rows.nth(1).getByText("Why?").click();
  await expect(rows.nth(1)).toContainText("LISTNT /NOPCM lists such machines");
});

test("the sites list shows each site under its parent", async ({ page }) => {
  await page.goto("/sites");
  const codes = (await page.getByRole("table", { name: "Site hierarchy" }).getByRole("row").locator("td:first-child").allTextContents()).map((text) => text.replace(/[└\s]/g, ""));
  expect(codes.indexOf("GBL")).toBeLessThan(codes.indexOf("BPC"));
  expect(codes.indexOf("BPC")).toBeLessThan(codes.indexOf("S01"));
  expect(codes.indexOf("S01")).toBeLessThan(codes.indexOf("VAQ"));
});

test("the computers list filters by the PCM service", async ({ page }) => {
  await page.goto("/computers");
  await page.getByLabel("Package Command Manager service").selectOption("none");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/pcmService=none/);
  const rows = page.getByRole("table").getByRole("row");
  expect(await rows.count()).toBeGreaterThan(1);
  for (const row of await rows.all()) await expect(row).not.toContainText("+ Pcmsvc32");
});

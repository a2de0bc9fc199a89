import { expect, test } from "@playwright/test";

test("a pending job shows what its clients' PCM will do, per target with its log, and what changes in a what-if", async ({ page }) => {
  await page.goto("/jobs?state=PENDING");
  await page.getByRole("link", { name: "BPC00002" }).click();
  await page.getByRole("link", { name: "What will clients do?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What will clients do with BPC00002?");
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByRole("status")).toHaveText(/^\d+ of \d+ targets will run the command; \d+ never will\.$/);
  await expect(summary.getByRole("img", { name: "Summary: first runs per day" })).toBeVisible();

  const table = page.getByRole("table", { name: "Simulated targets" });
  await table.getByRole("link", { name: "MDM00005" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("MDM00005: what its PCM does with BPC00002");
  await expect(page.getByRole("img", { name: "Simulated timeline" })).toBeVisible();
  await expect(page.getByLabel("PACMAN.LOG")).toContainText("Looking for file: \\\\CNS-SMS\\SMS_SHR\\pcmins.box\\MDM00005.INS");

  await page.getByRole("link", { name: "All targets" }).click();
  await page.getByLabel("PCM polling interval (minutes)").fill("120");
  await page.getByRole("button", { name: "Simulate" }).click();
  await expect(page).toHaveURL(/pollingIntervalMinutes=120/);
  await expect(page.getByRole("region", { name: "As saved" })).toBeVisible();
  await expect(page.getByRole("region", { name: "What if" }).getByRole("status")).toHaveText(/targets will run the command/);
  // Nothing was saved: the site still polls every 20 minutes.
  await page.goto("/sites/BPC");
  await expect(page.getByText("20 minutes", { exact: true })).toBeVisible();
});

test("the rules page lists the whole catalogue with each rule's status", async ({ page }) => {
  await page.goto("/rules");
  const rows = page.getByRole("table", { name: "Requirement rules" }).getByRole("row");
  await expect(rows).toHaveCount(89);
  await expect(page.locator("#R60")).toContainText("Checked");
  for (const rule of ["R26", "R27", "R42", "R53"]) await expect(page.locator(`#${rule}`)).toContainText("Checked");
  await expect(page.locator("#R18")).toContainText("Not decidable");
});

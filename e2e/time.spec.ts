import { expect, test } from "@playwright/test";

// A browser whose locale writes times with AM/PM: the console's date-time fields stay 24-hour.
test.use({ locale: "en-US", timezoneId: "America/Los_Angeles" });

test("a job's dates are typed and shown 24-hour on a browser with a 12-hour locale", async ({ page }) => {
  expect(await page.evaluate(() => new Date(2026, 0, 1, 20, 0).toLocaleTimeString())).toMatch(/PM/);

  await page.goto("/jobs/new?packageId=BPC0000A");
  await page.getByLabel("Target", { exact: true }).selectOption("COMPUTERS");
  await page.getByLabel("Computers (SMS IDs, one per line)").fill("MDM00005");
  await page.getByLabel("Workstation command line").selectOption({ label: "Complete" });
  const offer = page.getByLabel("Offer After");
  await expect(offer).toHaveAttribute("placeholder", "YYYY-MM-DD HH:MM");
  // The default offer (now) is shown 24-hour, never with AM or PM.
  await expect(offer).toHaveValue(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

  await offer.fill("2031-03-04 20:30");
  await expect(page.getByText(/^Tuesday, in .* · 24-hour, site server's wall clock/)).toBeVisible();
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pending");
  // The job page prints it the console's one way: weekday, 24-hour, how far off.
  await expect(page.getByText("Tue 2031-03-04 20:30")).toBeVisible();

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("Offer After")).toHaveValue("2031-03-04 20:30");
  await page.getByLabel("Offer After").fill("2031-03-04 8:30 PM");
  await page.getByRole("button", { name: "Save job" }).click();
  await expect(page.getByText("Offer After must be a real date and time as YYYY-MM-DD HH:MM (24-hour)")).toBeVisible();
});

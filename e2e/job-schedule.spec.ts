import { expect, test } from "@playwright/test";
import { ceilToMinute, currentWallClock } from "@/lib/wall-clock";

test("a job scheduled a minute ahead becomes Active by itself, once, sent by the scheduler", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/packages/BPC0000A");
  await page.getByRole("link", { name: "New job" }).click();
  await page.getByLabel("Target", { exact: true }).selectOption("MACHINE_GROUP");
  await page.getByLabel("Machine group").selectOption({ label: (await page.getByRole("option", { name: /^BPC NT Workstations/ }).textContent())! });
  await page.getByLabel("Workstation command line").selectOption({ label: "Complete" });
  // The console's host is the site server's clock, and the browser here runs on that host.
  const activateAt = ceilToMinute(currentWallClock(new Date(Date.now() + 60_000)));
  await page.getByLabel("Activation time (Schedule)").fill(activateAt.slice(0, 16));
  await page.getByLabel("Repeat").selectOption("NEVER");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("heading", { name: /^Job [A-Z0-9]{8} Pending$/ })).toBeVisible();
  await expect(page.getByText(/^Activates at .*; repeats never$/)).toBeVisible();

  // The scheduler sends through the same review: warnings are acknowledged first, as for Send.
  for (;;) {
    const acknowledge = page.getByRole("button", { name: /^Acknowledge R\d+$/ }).first();
    if ((await acknowledge.count()) === 0) break;
    const rule = (await acknowledge.textContent())!.replace("Acknowledge ", "");
    await page.getByLabel("Why this warning does not stop the job").first().fill("Scheduled for tonight");
    await acknowledge.click();
    await expect(page.getByRole("listitem", { name: `${rule} warning` })).toContainText("Acknowledged by");
  }

  await expect
    .poll(
      async () => {
        await page.reload();
        return (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
      },
      { timeout: 240_000, intervals: [5_000] },
    )
    .toContain("Active");
  const history = page.getByRole("table", { name: "Job history" });
  await expect(history.getByRole("row").filter({ hasText: "Pending → Active" })).toHaveCount(1);
  await expect(history.getByRole("row").filter({ hasText: "Pending → Active" })).toContainText("scheduler");
});

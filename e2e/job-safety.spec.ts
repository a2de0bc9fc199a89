import { expect, test, type Page } from "@playwright/test";

const finding = (page: Page, rule: string, severity: string) => page.getByRole("listitem", { name: `${rule} ${severity}` });

/** Acknowledges every warning the review still waits for, each with a reason. */
async function acknowledgeEveryWarning(page: Page): Promise<string[]> {
  const acknowledged: string[] = [];
  for (;;) {
    const button = page.getByRole("button", { name: /^Acknowledge R\d+$/ }).first();
    if ((await button.count()) === 0) return acknowledged;
    const rule = (await button.textContent())!.replace("Acknowledge ", "");
    await page.getByLabel("Why this warning does not stop the job").first().fill(`Checked ${rule} with the site admin`);
    await button.click();
    await expect(page.getByRole("status").filter({ hasText: `Warning ${rule} acknowledged.` })).toBeVisible();
    acknowledged.push(rule);
  }
}

test("a fix that changes a site asks first, naming the site and what else uses it, then shows in the job's History", async ({ page }) => {
  await page.goto("/jobs/new?packageId=BPC0000A");
  await page.getByLabel("Target", { exact: true }).selectOption("QUERY");
  await page.getByLabel("Limit To Sites").selectOption("S01");
  await page.getByLabel("Workstation command line").selectOption({ label: "Complete" });
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Job [A-Z0-9]{8} created/ })).toBeVisible();

  // S01 has Package Command Manager disabled (R66); the fix is made on the site, not the job.
  const r66 = finding(page, "R66", "warning");
  await r66.getByRole("button", { name: /^Apply fix/ }).click();
  const confirmation = r66.getByRole("group", { name: "Confirm R66's fix" });
  await expect(confirmation).toContainText("This fix changes site S01 (S01 Legacy Site), not only this job.");
  await expect(confirmation).toContainText("Site S01: Package Command Manager enabled: No → Yes");
  await expect(confirmation).toContainText(/Site S01 has \d+ clients?: the setting applies to every one of them, for every job\./);

  // Back changes nothing.
  await confirmation.getByRole("button", { name: "Back" }).click();
  await expect(r66).toBeVisible();
  await r66.getByRole("button", { name: /^Apply fix/ }).click();
  await r66.getByRole("button", { name: "Yes, change site S01" }).click();

  await expect(page.getByRole("status").filter({ hasText: "R66's fix applied. The change is in the job's History." })).toBeVisible();
  await expect(finding(page, "R66", "warning")).toHaveCount(0);
  const fixRow = page.getByRole("table", { name: "Job history" }).getByRole("row").filter({ hasText: "Fix for R66 applied" });
  await expect(fixRow).toContainText("Site S01: Package Command Manager enabled: No → Yes");

  // The same change is in the audit trail, against the job and against the site.
  await page.goto("/audit");
  await expect(page.getByRole("row").filter({ hasText: "job.apply-fix" }).first()).toContainText("R66's fix on site S01");
  await expect(page.getByRole("row").filter({ hasText: "site.update" }).first()).toContainText("S01");
});

test("the review of a sent job stays as it was at Send, and what the Send itself caused shows apart", async ({ page }) => {
  // A package of its own, never on any server, so the Send is what puts it there.
  await page.goto("/packages/new");
  await page.getByLabel("Package name").fill("Frozen review check");
  await page.getByLabel("Site", { exact: true }).selectOption("BPC");
  await page.getByLabel("Workstation source directory").fill("\\\\CNSAPPS1\\SOURCE\\CHECK");
  const line = page.getByRole("group", { name: "Command line 1" });
  await line.getByLabel("Command name").fill("Typical");
  await line.getByLabel("Command line", { exact: true }).fill("setup.exe /t");
  await line.getByLabel("Windows NT (x86)").check();
  await page.getByRole("button", { name: "Create package" }).click();
  await expect(page.getByRole("heading", { name: "Frozen review check" })).toBeVisible();
  await page.getByRole("link", { name: "New job" }).click();

  await page.getByLabel("Target", { exact: true }).selectOption("COMPUTERS");
  await page.getByLabel("Computers (SMS IDs, one per line)").fill("MDM00005");
  await page.getByLabel("Workstation command line").selectOption({ label: "Typical" });
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pending");
  const acknowledged = await acknowledgeEveryWarning(page);

  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("button", { name: "Yes, send" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Active");
  await expect(page.getByRole("status").filter({ hasText: /sent as request [A-Z0-9]{7} to 1 target\./ })).toBeVisible();

  await expect(page.getByRole("heading", { name: "Requirement review at Send" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Sent by .+ at [A-Z][a-z]{2} \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC over 1 target/ })).toBeVisible();
  const atSend = page.getByRole("list", { name: "Findings at Send" });
  for (const rule of acknowledged) await expect(atSend.getByRole("listitem", { name: `${rule} warning` })).toContainText(`Checked ${rule} with the site admin`);
  await expect(atSend.getByRole("listitem", { name: "R54 warning" })).toHaveCount(0);

  // The Send put the package on its distribution server, which R54 reports: since Send, not at Send.
  await expect(page.getByRole("heading", { name: "Since Send" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Findings since Send" }).getByRole("listitem", { name: "R54 warning" })).toBeVisible();
});

test("canceling a job asks for the reason and shows it in the History", async ({ page }) => {
  await page.goto("/jobs/new?packageId=BPC0000A");
  await page.getByLabel("Target", { exact: true }).selectOption("COMPUTERS");
  await page.getByLabel("Computers (SMS IDs, one per line)").fill("MDM00005");
  await page.getByLabel("Workstation command line").selectOption({ label: "Complete" });
  await page.getByLabel("Job comment").fill("Office for the lab");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pending");

  // An edit shows in the History field by field.
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Job comment").fill("Office for the MDM lab");
  await page.getByRole("button", { name: "Save job" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Job [A-Z0-9]{8} saved/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Job history" }).getByRole("row").filter({ hasText: "Edited" })).toContainText("Comment: Office for the lab → Office for the MDM lab");

  await page.getByRole("button", { name: "Cancel job" }).click();
  const reason = page.getByLabel("Reason (shown in the job's History)");
  await expect(reason).toHaveAttribute("required", "");
  await reason.fill("Licences not bought yet");
  await page.getByRole("button", { name: "Yes, cancel job" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Canceled");
  await expect(page.getByRole("status").filter({ hasText: /canceled\. Its record leaves every target's instruction file\./ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Job history" }).getByRole("row").filter({ hasText: "Pending → Canceled" })).toContainText("Licences not bought yet");
});

test("several warnings are acknowledged at once with one reason", async ({ page }) => {
  await page.goto("/jobs/new?packageId=BPC0000A");
  await page.getByLabel("Target", { exact: true }).selectOption("COMPUTERS");
  await page.getByLabel("Computers (SMS IDs, one per line)").fill("MDM00005");
  await page.getByLabel("Workstation command line").selectOption({ label: "Complete" });
  await page.getByRole("checkbox", { name: "Not Mandatory over Slow Link" }).check();
  // Expiry makes SP3 clients flood the logon servers with .sni files (R36): a second warning.
  await page.getByLabel("Expire After", { exact: true }).check();
  await page.getByLabel("Expiry date").fill("2031-03-04 06:00");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pending");

  const several = page.getByRole("form", { name: "Acknowledge several warnings" });
  const ticked = await several.getByRole("checkbox").evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
  expect(ticked.length).toBeGreaterThan(1);
  await several.getByLabel("Why these warnings do not stop the job").fill("Lab machines only, checked with the site admin");
  await several.getByRole("button", { name: "Acknowledge the ticked warnings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The ticked warnings acknowledged" })).toBeVisible();
  const history = page.getByRole("table", { name: "Job history" });
  for (const rule of ticked) await expect(history.getByRole("row").filter({ hasText: `Warning ${rule} acknowledged` })).toContainText("Lab machines only");
});

import { expect, test, type Page } from "@playwright/test";

/** A datetime-local value `days` from now on this machine's clock (the console's site wall clock). */
function inDays(days: number, hour: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setHours(hour, 0, 0, 0);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:00`;
}

const finding = (page: Page, rule: string, severity: string) => page.getByRole("listitem", { name: `${rule} ${severity}` });

test("a job that breaks three rules cannot be sent until the error is fixed and the warnings are acknowledged", async ({ page }) => {
  await page.goto("/jobs/new?packageId=BPC00020");
  await page.getByLabel("Target", { exact: true }).selectOption("COMPUTERS");
  await page.getByLabel("Computers (SMS IDs, one per line)").fill("MDM00005");
  await page.getByLabel("Workstation command line").selectOption({ label: "Unattended update (PCM service)" });
  await page.getByLabel("Offer After").fill(inDays(10, 20));
  await page.getByLabel("Mandatory After", { exact: true }).check();
  // Mandatory before the offer breaks R34 (error).
  await page.getByLabel("Mandatory date").fill(inDays(9, 20));
  // Never implemented by SMS (R43, warning).
  await page.getByRole("checkbox", { name: "Not Mandatory over Slow Link" }).check();
  // Expiry makes SP3 clients flood the logon servers with .sni files (R36, warning).
  await page.getByLabel("Expire After", { exact: true }).check();
  await page.getByLabel("Expiry date").fill(inDays(60, 6));

  // The form shows the findings as the fields change, before anything is saved.
  const draft = page.getByRole("region", { name: "Requirement findings" });
  await expect(draft.getByRole("listitem", { name: "R34 error" })).toBeVisible();
  await page.getByRole("button", { name: "Create job" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pending");
  const jobId = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/[A-Z0-9]{8}/)![0];
  await expect(finding(page, "R34", "error")).toBeVisible();
  await expect(finding(page, "R36", "warning")).toBeVisible();
  await expect(finding(page, "R43", "warning")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send" })).toHaveCount(0);
  await expect(page.getByText(/Send waits for the requirement review: fix R34/)).toBeVisible();

  // Fix the error where it lives: the job's dates.
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Mandatory date").fill(inDays(12, 20));
  await page.getByRole("button", { name: "Save job" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}\\?done=saved$`));
  await expect(page.getByRole("heading", { name: "Requirement review" })).toBeVisible();
  await expect(finding(page, "R34", "error")).toHaveCount(0);
  await expect(finding(page, "R43", "warning")).toBeVisible();

  // Acknowledge every warning with a reason.
  const acknowledged: string[] = [];
  for (;;) {
    const button = page.getByRole("button", { name: /^Acknowledge R\d+$/ }).first();
    if ((await button.count()) === 0) break;
    const rule = (await button.textContent())!.replace("Acknowledge ", "");
    await page.getByLabel("Why this warning does not stop the job").first().fill(`Checked ${rule} with the BPC site admin`);
    await button.click();
    await expect(finding(page, rule, "warning")).toContainText(`Acknowledged by`);
    acknowledged.push(rule);
  }
  expect(acknowledged).toEqual(expect.arrayContaining(["R36", "R43"]));

  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("button", { name: "Yes, send" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Active");
  const history = page.getByRole("table", { name: "Job history" });
  for (const rule of acknowledged) await expect(history.getByRole("row").filter({ hasText: `Warning ${rule} acknowledged` })).toContainText(`Checked ${rule} with the BPC site admin`);
  await expect(history.getByRole("row").filter({ hasText: "Pending → Active" })).toBeVisible();
});

test("a one-field fix is applied from the finding", async ({ page }) => {
  await page.goto("/jobs/new?packageId=BPC00020");
  await page.getByLabel("Target", { exact: true }).selectOption("COMPUTERS");
  await page.getByLabel("Computers (SMS IDs, one per line)").fill("MDM00005");
  await page.getByLabel("Workstation command line").selectOption({ label: "Unattended update (PCM service)" });
  await page.getByLabel("Offer After").fill(inDays(3, 20));
  await page.getByRole("checkbox", { name: "Not Mandatory over Slow Link" }).check();
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(finding(page, "R43", "warning")).toBeVisible();
  await finding(page, "R43", "warning").getByRole("button", { name: /^Apply fix/ }).click();
  await expect(finding(page, "R43", "warning")).toHaveCount(0);
});

test("the job form shows findings as fields change and applies a one-field fix in place", async ({ page }) => {
  await page.goto("/jobs/new?packageId=BPC00020");
  await page.getByLabel("Target", { exact: true }).selectOption("COMPUTERS");
  await page.getByLabel("Computers (SMS IDs, one per line)").fill("MDM00005");
  await page.getByLabel("Workstation command line").selectOption({ label: "Unattended update (PCM service)" });
  await page.getByLabel("Offer After").fill(inDays(3, 20));
  const draft = page.getByRole("region", { name: "Requirement findings" });
  await page.getByRole("checkbox", { name: "Not Mandatory over Slow Link" }).check();
  const r43 = draft.getByRole("listitem", { name: "R43 warning" });
  await expect(r43).toBeVisible();
  await r43.getByText("Why?").click();
  await expect(r43.getByRole("link", { name: "Q154931" })).toHaveAttribute("href", "https://support.microsoft.com/kb/154931");
  await r43.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("checkbox", { name: "Not Mandatory over Slow Link" })).not.toBeChecked();
  await expect(draft.getByRole("listitem", { name: "R43 warning" })).toHaveCount(0);
});

import { expect, test } from "@playwright/test";

test("a new user creates a job from a demo package, sends it, sees a target's instruction records, cancels it and sees them gone", async ({ page }) => {
  await page.goto("/packages/BPC0000A");
  await page.getByRole("link", { name: "New job" }).click();
  await expect(page.getByRole("heading", { name: "New job" })).toBeVisible();
  await expect(page.getByLabel("Package", { exact: true })).toHaveValue("BPC0000A");

  await page.getByLabel("Target", { exact: true }).selectOption("MACHINE_GROUP");
  const ntGroup = (await page.getByRole("option", { name: /^BPC NT Workstations/ }).textContent())!;
  await page.getByLabel("Machine group").selectOption({ label: ntGroup });
  const targetCount = Number(ntGroup.match(/\((\d+) computers\)/)![1]);
  await page.getByLabel("Job comment").fill("Office for the NT workstations");
  // Forgetting the command line is a hard error, shown beside the field.
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByText("Choose the workstation command line to run")).toBeVisible();
  await expect(page.getByLabel("Job comment")).toHaveValue("Office for the NT workstations");

  await page.getByLabel("Workstation command line").selectOption({ label: "Complete" });
  // The Distribute phase puts the package on SMS's Default Servers unless a server group is chosen.
  await expect(page.getByLabel("Put on Specified Distribution Servers")).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Server group" })).toHaveValue("");
  await expect(page.getByRole("combobox", { name: "Server group" }).getByRole("option", { name: "Default Servers (every distribution server of the target sites)" })).toHaveCount(1);
  await page.getByLabel("Mandatory After", { exact: true }).check();
  // SMS defaulted a new mandatory date to one week ahead.
  await expect(page.getByLabel("Mandatory date")).not.toHaveValue("");
  await expect(page.getByText(/in 1 week · 24-hour, site server's wall clock/)).toBeVisible();
  await page.getByRole("button", { name: "Create job" }).click();

  await expect(page.getByRole("heading", { name: /^Job [A-Z0-9]{8} Pending$/ })).toBeVisible();
  const jobId = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/[A-Z0-9]{8}/)![0];
  await expect(page.getByText("The target list is resolved and frozen when the job is sent.")).toBeVisible();
  await expect(page.getByText("Put on Specified Distribution Servers: Default Servers (every distribution server of the target sites)")).toBeVisible();

  // Any warning the review raises needs an acknowledgement before Send.
  for (;;) {
    const acknowledge = page.getByRole("button", { name: /^Acknowledge R\d+$/ }).first();
    if ((await acknowledge.count()) === 0) break;
    const rule = (await acknowledge.textContent())!.replace("Acknowledge ", "");
    await page.getByLabel("Why this warning does not stop the job").first().fill("Reviewed with the site admin");
    await acknowledge.click();
    await expect(page.getByRole("listitem", { name: `${rule} warning` })).toContainText("Acknowledged by");
  }
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("button", { name: "Yes, send" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Active");
  await expect(page.getByRole("table", { name: "Job history" }).getByRole("row").filter({ hasText: "Pending → Active" })).toContainText(new RegExp(`Request [A-Z0-9]{7}; ${targetCount} targets`));
  // Default Servers: every distribution server of the targets' site (all at BPC), frozen at Send.
  const distributionServers = page.getByRole("table", { name: "Distribution servers" });
  await expect(distributionServers.getByRole("row")).toHaveCount(3);
  await expect(distributionServers).toContainText("CNS-SMS");
  await expect(distributionServers).toContainText("CNSAPPS1");

  const firstTarget = page.getByRole("table").first().getByRole("link").first();
  const smsId = (await firstTarget.textContent())!.trim();
  await firstTarget.click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const records = page.getByRole("table", { name: "Instruction records" });
  await expect(records.getByRole("row").filter({ hasText: jobId })).toContainText("acmewkst.exe smsproxy\\complete.stf /I:C");
  await expect(records.getByRole("row").filter({ hasText: jobId })).toContainText("15");

  const json = await page.request.get(`/computers/${smsId}/instructions`);
  expect((await json.json()).map((record: { jobId: string }) => record.jobId)).toContain(jobId);

  await page.goto(`/jobs/${jobId}`);
  await page.getByRole("button", { name: "Cancel job" }).click();
  await page.getByLabel("Reason (shown in the job's History)").fill("Office licences not bought yet");
  await page.getByRole("button", { name: "Yes, cancel job" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Canceled");
  await expect(page.getByRole("table", { name: "Job history" })).toContainText("Office licences not bought yet");

  await page.goto(`/computers/${smsId}`);
  await expect(page.getByRole("table", { name: "Instruction records" })).not.toContainText(jobId);
  await expect(page.getByRole("table", { name: "Jobs sent to this computer" }).getByRole("row").filter({ hasText: jobId })).toContainText("Canceled");
});

test("the dashboard shows jobs by state, what turns mandatory or expires this week, and a timeline", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Turning mandatory" })).toContainText("Windows NT 4.0 Service Pack 3");
  await expect(page.getByRole("table", { name: "Expiring" })).toContainText("MS Flight Simulator");
  await expect(page.getByRole("img", { name: "Offer, mandatory and expiry dates of pending and active jobs" })).toBeVisible();
});

test("an Active job cannot be deleted and is refused a second Send", async ({ page }) => {
  await page.goto("/jobs?state=ACTIVE");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Active");
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send" })).toHaveCount(0);
});

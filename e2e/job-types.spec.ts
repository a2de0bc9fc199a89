import { expect, test } from "@playwright/test";

test("a new user creates a Share Package On Server job for a server group, reviews and sends it, and no client's instruction file gains a record", async ({ page }) => {
  await page.goto("/packages/BPC00021");
  await page.getByRole("link", { name: "New job" }).click();
  await expect(page.getByRole("heading", { name: "New job" })).toBeVisible();
  await page.getByLabel("Job type").selectOption("SHARE_PACKAGE_ON_SERVER");
  // A server job targets servers and has no Run phase.
  await expect(page.getByRole("heading", { name: "Run phase" })).toHaveCount(0);
  await expect(page.getByLabel("Target", { exact: true })).toHaveValue("SERVER_GROUP");
  await page.getByLabel("Server group", { exact: true }).first().selectOption({ label: (await page.getByRole("option", { name: /^BPC Distribution Servers/ }).first().textContent())! });
  await page.getByLabel("Job comment").fill("Share Office 95 for the admins");
  await page.getByRole("button", { name: "Create job" }).click();

  await expect(page.getByRole("heading", { name: /^Job [A-Z0-9]{8} Pending$/ })).toBeVisible();
  const jobId = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/[A-Z0-9]{8}/)![0];
  await expect(page.getByText("Share Package On Server (Send and Distribute phases; no instruction records)")).toBeVisible();
  await expect(page.getByText("Server group BPC Distribution Servers")).toBeVisible();

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
  const sent = page.getByRole("table", { name: "Job history" }).getByRole("row").filter({ hasText: "Pending → Active" });
  await expect(sent).toContainText(/Request [A-Z0-9]{7}; Share Package On Server: package shared on 2 servers/);
  const requestId = (await sent.textContent())!.match(/Request ([A-Z0-9]{7})/)![1]!;
  await expect(page.getByText("Put the package on the target servers and share it")).toBeVisible();

  // Its status and simulation pages list the servers and what each phase does there, not an empty target table.
  await page.getByRole("link", { name: "Job status: what happens on each server?" }).click();
  await expect(page.getByText(/acts on servers, with Send and Distribute phases only: it has no workstation targets/)).toBeVisible();
  const servers = page.getByRole("table", { name: "Target servers" });
  await expect(servers.getByRole("row")).toHaveCount(3);
  await expect(servers.getByRole("row").filter({ hasText: "CNS-SMS" })).toContainText("Sends the compressed package to site BPC");
  await expect(servers.getByRole("row").filter({ hasText: "CNS-SMS" })).toContainText("shares it as \\\\CNS-SMS\\OFF95 (Read access)");
  await expect(servers.getByRole("row").filter({ hasText: "CNSAPPS1" })).toContainText("shares it as \\\\CNSAPPS1\\OFF95 (Read access)");
  await expect(page.getByText("The servers were frozen when the job was sent.")).toBeVisible();
  await page.getByRole("link", { name: "Job", exact: true }).click();
  await page.getByRole("link", { name: "What will clients do?" }).click();
  await expect(page.getByText(/Nothing: no client's Package Command Manager ever sees a Share Package On Server job/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Target servers" }).getByRole("row").filter({ hasText: "CNSAPPS1" })).toContainText("Puts the package in \\\\CNSAPPS1\\SMS_PKGD\\BPC00021\\");

  // The jobs list names the type; the demo's client MDM00005 holds no record of this job.
  await page.goto("/jobs");
  await expect(page.getByRole("row").filter({ hasText: jobId })).toContainText("Share Package On Server");
  const records = await (await page.request.get("/computers/MDM00005/instructions")).json();
  expect(records.map((record: { jobId: string }) => record.jobId)).not.toContain(jobId);
  const file = await page.request.get("/pcmins.box/MDM00005.INS");
  expect(Buffer.from(await file.body()).toString("latin1")).not.toContain(requestId);
});

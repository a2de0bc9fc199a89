import { expect, test } from "@playwright/test";

test("a query with two conditions shows how many computers match, and a job can target it", async ({ page }) => {
  const name = `NT at BPC ${Date.now()}`;
  await page.goto("/queries");
  await page.getByRole("link", { name: "New query" }).click();
  await page.getByLabel("Query name").fill(name);

  // Where Platform is Windows NT (x86) AND Site is BPC.
  await page.getByLabel("Attribute of condition 1").selectOption({ label: "Platform" });
  await page.getByLabel("Value of condition 1").selectOption({ label: "Windows NT (x86)" });
  const preview = page.getByRole("region", { name: "Matching computers" });
  // The preview follows each edit, so a count is read only once it is the one the test waits for.
  const matchingNow = async () => Number(((await preview.getByText(/match now/).textContent({ timeout: 1_000 }).catch(() => null)) ?? "").replace(/\D/g, "") || NaN);
  await expect.poll(matchingNow).toBeGreaterThan(0);
  const everyNt = await matchingNow();

  await page.getByRole("button", { name: "Add condition" }).click();
  await expect(page.getByLabel("Joiner of condition 2")).toHaveValue("AND");
  await page.getByLabel("Attribute of condition 2").selectOption({ label: "Site" });
  await page.getByLabel("Value of condition 2").fill("BPC");
  // While condition 2 is still empty the preview can show 0 (a CI run read that count): wait for the
  // count of both conditions, some and fewer than every NT computer.
  await expect.poll(async () => {
    const matching = await matchingNow();
    return matching > 0 && matching < everyNt;
  }).toBe(true);
  const count = await matchingNow();
  await expect(preview).toContainText("MDM00005");

  await page.getByRole("button", { name: "Create query" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Query created.")).toBeVisible();
  await expect(page.getByText("Platform is Windows NT (x86) and Site is BPC")).toBeVisible();
  await expect(page.getByRole("heading", { name: `Matching computers now (${count.toLocaleString("en-US")})` })).toBeVisible();

  // A job for this query: the target is the saved query, and the job says how many it would reach.
  await page.getByRole("link", { name: "New job for this query" }).click();
  await expect(page.getByLabel("Target", { exact: true })).toHaveValue("QUERY");
  await expect(page.getByLabel("Query", { exact: true })).toHaveValue(/\d+/);
  await page.getByLabel("Package", { exact: true }).selectOption("BPC0000A");
  await page.getByLabel("Workstation command line").selectOption({ label: "Complete" });
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Job [A-Z0-9]{8} created/ })).toBeVisible();
  await expect(page.getByText(`Query ${name} (Platform is Windows NT (x86) and Site is BPC): would reach about ${count} computer${count === 1 ? "" : "s"} if sent now`)).toBeVisible();

  // The query's page lists the job that uses it.
  const jobId = page.url().match(/\/jobs\/([A-Z0-9]{8})/)![1]!;
  await page.goto("/queries");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("link", { name: jobId })).toBeVisible();
});

test("a list-of-computers target is picked by searching, not typed", async ({ page }) => {
  await page.goto("/jobs/new?packageId=BPC0000A");
  await expect(page.getByLabel("Target", { exact: true })).toHaveValue("COMPUTERS");
  await page.getByLabel("Find computers by SMS ID or name").fill("mdm-wks");
  await page.getByRole("button", { name: "Find", exact: true }).click();
  const found = page.getByRole("list", { name: "Computers found" });
  await expect(found).toContainText("MDM00005");
  await found.getByRole("button", { name: "Add MDM00005" }).click();
  await expect(page.getByLabel("Computers (SMS IDs, one per line)")).toHaveValue("MDM00005");
  await expect(found.getByRole("listitem").filter({ hasText: "MDM00005" })).toContainText("listed");
});

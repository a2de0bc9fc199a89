import { expect, test } from "@playwright/test";

test("a target's simulated log folds identical polls, filters by kind, text and target, and jumps to the run", async ({ page }) => {
  await page.goto("/jobs/BPC00002/simulation/MDM00005");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("MDM00005: what its PCM does with BPC00002");
  const log = page.getByRole("log", { name: "PACMAN.LOG" });
  await expect(log).toContainText(/… [\d,]+ identical polls \(lines [\d,]+ to [\d,]+\) …/);

  // Jump to the run: the link names the time the log prints, and leads to the run's first line.
  const jumps = page.getByRole("navigation", { name: "Runs and errors in the PCM service log" });
  await jumps.getByRole("link").first().click();
  await expect(page).toHaveURL(/#line-\d+$/);
  const anchor = new URL(page.url()).hash;
  await expect(page.locator(anchor)).toContainText("Executing command line: F:\\BPC00020\\update.exe");

  await page.getByLabel("Show").selectOption({ label: "Runs only" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/show=runs/);
  await expect(log).toContainText("Executing command line");
  await expect(log).toContainText("Job completed.");
  await expect(log).not.toContainText("Looking for file");

  await page.getByLabel("Show").selectOption({ label: "Everything" });
  await page.getByLabel("Lines containing").fill("executing COMMAND");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText(/^1 of [\d,]+ lines match\./)).toBeVisible();
  await expect(log).toContainText("Executing command line");

  await page.getByRole("link", { name: "Clear" }).click();
  await expect(log).toContainText("Looking for file");

  // Another target of the same job, from the list.
  const targets = page.getByLabel("Target");
  const other = (await targets.locator("option").allTextContents()).find((smsId) => smsId !== "MDM00005");
  expect(other).toBeDefined();
  await targets.selectOption(other!);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${other}: what its PCM does with BPC00002`);

  // A typed target that is not one: said so, nothing else changes.
  await page.goto(`/jobs/BPC00002/simulation/${other}?target=NOTATGT1`);
  await expect(page.getByRole("alert").filter({ hasText: "not a target" })).toHaveText("NOTATGT1 is not a target of BPC00002");
});

test("the send preview shows each distinct change once with the targets it applies to, changes first", async ({ page }) => {
  await page.goto("/jobs/BPC00002");
  await page.getByRole("link", { name: /what Send changes|preview/i }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What sending BPC00002 changes");
  const summary = page.getByRole("status").filter({ hasText: "Send changes the instruction files of" });
  await expect(summary).toHaveText(/^Send changes the instruction files of [\d,]+ of [\d,]+ targets?, in [\d,]+ distinct ways?\. Each change is shown once with the targets it applies to\.$/);
  const [, changed, total, distinct] = /of ([\d,]+) of ([\d,]+) targets?, in ([\d,]+)/.exec((await summary.textContent()) ?? "")!.map((value) => Number(value.replace(/,/g, "")));
  expect(distinct).toBeLessThanOrEqual(changed!);
  expect(changed).toBeLessThanOrEqual(total!);

  const first = page.getByRole("region", { name: "Change 1" });
  await expect(first.getByRole("heading")).toHaveText(/^Change 1 \+\d+ −\d+ lines · [\d,]+ targets?$/);
  await expect(first.getByRole("link").first()).toHaveText(/^[A-Z0-9]{8}$/);
  await expect(first).toContainText(/As PCMDUMP prints [A-Z0-9]{8}\.INS/);
  await expect(first).toContainText(/\+ /);
  // Changes come before the targets that do not change.
  const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
  const unchangedAt = headings.findIndex((heading) => heading.startsWith("No change"));
  if (unchangedAt >= 0) expect(headings.slice(unchangedAt + 1).some((heading) => heading.startsWith("Change"))).toBe(false);
});

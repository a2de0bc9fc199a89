import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { sms } from "./support/cli";

// MDM00005: a demo Windows NT client of site BPC with the PCM service running (Q123499's client).
const CLIENT = "MDM00005";
const PAST = "2026-01-05T08:00";
const workDirectory = mkdtempSync(path.join(os.tmpdir(), "sms-pcm-e2e-"));
const packageShare = path.join(workDirectory, "SMS_PKGD");
const stateDirectory = path.join(workDirectory, "state");

test.afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

async function createPackage(page: Page, name: string, lines: [string, string][]): Promise<string> {
  await page.goto("/packages/new");
  await page.getByLabel("Package name").fill(name);
  await page.getByLabel("Site", { exact: true }).selectOption("BPC");
  await page.getByLabel("Workstation source directory").fill("\\\\CNSAPPS1\\SOURCE\\STATUS");
  for (const [index, [commandName, commandLine]] of lines.entries()) {
    if (index > 0) await page.getByRole("button", { name: "Add command line" }).click();
    const group = page.getByRole("group", { name: `Command line ${index + 1}` });
    await group.getByLabel("Command name").fill(commandName);
    await group.getByLabel("Command line", { exact: true }).fill(commandLine);
    await group.getByLabel("Windows NT (x86)").check();
    await group.getByLabel("Automated Command Line").check();
  }
  await page.getByRole("button", { name: "Create package" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const packageId = (await page.locator("header").getByText(/^BPC[0-9A-Z]{5}$/).textContent())!.trim();
  // The package's files, where this client's --share finds \\CNS-SMS\SMS_PKGD\<package ID>.
  mkdirSync(path.join(packageShare, packageId), { recursive: true });
  return packageId;
}

/** A mandatory job for the client, Mandatory After in the past, acknowledged and sent; returns its ID. */
async function sendJob(page: Page, packageId: string, commandName: string): Promise<string> {
  await page.goto(`/packages/${packageId}`);
  await page.getByRole("link", { name: "New job" }).click();
  await page.getByLabel("Target", { exact: true }).selectOption("COMPUTERS");
  await page.getByLabel("Computers (SMS IDs, one per line)").fill(CLIENT);
  await page.getByLabel("Workstation command line").selectOption({ label: commandName });
  await page.getByLabel("Offer After").fill(PAST);
  await page.getByLabel("Mandatory After", { exact: true }).check();
  await page.getByLabel("Mandatory date").fill(PAST);
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("heading", { name: /^Job [A-Z0-9]{8} Pending$/ })).toBeVisible();
  const jobId = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/[A-Z0-9]{8}/)![0];
  for (;;) {
    const acknowledge = page.getByRole("button", { name: /^Acknowledge R\d+$/ }).first();
    if ((await acknowledge.count()) === 0) break;
    const rule = (await acknowledge.textContent())!.replace("Acknowledge ", "");
    await page.getByLabel("Why this warning does not stop the job").first().fill("Test client, reviewed");
    await acknowledge.click();
    await expect(page.getByRole("listitem", { name: `${rule} warning` })).toContainText("Acknowledged by");
  }
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("button", { name: "Yes, send" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Active");
  return jobId;
}

const pcmOnce = () =>
  sms(["pcm", "--once", "--sms-id", CLIENT, "--console", `http://localhost:${process.env.E2E_PORT ?? 3100}`, "--share", `\\\\CNS-SMS\\SMS_PKGD=${packageShare}`, "--state", stateDirectory]);

test("clients report back: sms pcm runs the sent jobs, the Job Status page shows Complete and Retrying, nothing runs twice or after Cancel", async ({ page }) => {
  test.setTimeout(240_000);
  const good = await createPackage(page, "Status demo: writes a file", [
    ["Write file", "echo installed > installed.txt"],
    ["Write other file", "echo canceled > canceled.txt"],
  ]);
  const bad = await createPackage(page, "Status demo: fails", [["Fail", "exit 1"]]);
  const goodJob = await sendJob(page, good, "Write file");
  const badJob = await sendJob(page, bad, "Fail");

  const firstPoll = pcmOnce();
  expect(firstPoll).toMatch(/Ran [A-Z0-9]{7}, [A-Z0-9]{7}\./);
  expect(firstPoll).toMatch(/Pcmwin\.log|PACMAN\.LOG/);
  expect(existsSync(path.join(packageShare, good, "installed.txt"))).toBe(true);

  await page.goto(`/jobs/${goodJob}`);
  await page.getByRole("link", { name: "Job status: what did clients report?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Job ${goodJob} status`);
  await expect(page.getByText(/^Complete: Sending Complete, Working Complete, Cancel None/)).toBeVisible();
  await expect(page.getByLabel("Complete: 1")).toBeVisible();
  await expect(page.getByRole("img", { name: /Reports received per hour: 1 in the 1 hours shown/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Target status" }).getByRole("row").filter({ hasText: CLIENT })).toContainText("Complete");
  await page.goto(`/jobs/${goodJob}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Complete");
  await expect(page.getByRole("table", { name: "Job history" })).toContainText("despooler (status MIFs)");

  await page.goto(`/jobs/${badJob}/status`);
  await expect(page.getByText(/^Retrying: Sending Complete, Working Retrying/)).toBeVisible();
  await expect(page.getByLabel("Retrying: 1")).toBeVisible();
  const row = page.getByRole("table", { name: "Target status" }).getByRole("row").filter({ hasText: CLIENT });
  await expect(row).toContainText("Retrying");
  await expect(row).toContainText("Fail ended with exit code 1");
  await expect(row).toContainText("Event 374: The workstation install job has failed on workstation");
  await page.getByLabel("Status", { exact: true }).selectOption("RETRYING");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("table", { name: "Target status" }).getByRole("row")).toHaveCount(2);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toBe(`job-${badJob}-status.csv`);
  const csvText = readFileSync((await csv.path())!, "utf8");
  expect(csvText.split("\r\n")[0]).toBe("SMS ID,Computer,Site,Status,When,Description,Warning,Report");
  expect(csvText).toContain(`${CLIENT},`);
  expect(csvText).toContain(",Retrying,");
  await row.getByRole("link", { name: "Raw MIF" }).click();
  await expect(page.getByLabel("Raw MIF")).toContainText('VALUE = "Failed"');

  // A job canceled before the client polls never runs; what already ran does not run again.
  const canceledJob = await sendJob(page, good, "Write other file");
  await page.getByRole("button", { name: "Cancel job" }).click();
  await page.getByLabel("Reason (shown in the job's History)").fill("Sent to the wrong clients");
  await page.getByRole("button", { name: "Yes, cancel job" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Canceled");
  expect(canceledJob).not.toBe(goodJob);
  expect(pcmOnce()).toMatch(/Nothing to run\.\n$/);
  expect(existsSync(path.join(packageShare, good, "canceled.txt"))).toBe(false);
});

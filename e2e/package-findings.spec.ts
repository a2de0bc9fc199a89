import { expect, test } from "@playwright/test";

test("the package form shows a command line's finding as it is ticked, explains it, and applies its one-field fix", async ({ page }) => {
  await page.goto("/packages/BPC00020/edit");
  const line = page.getByRole("group", { name: "Command line 2" });
  await expect(line.getByLabel("Command name")).toHaveValue("Interactive update");
  await expect(line.getByLabel("Automated Command Line")).not.toBeChecked();
  await expect(line.getByRole("article", { name: /^R1 / })).toHaveCount(0);

  await line.getByLabel("System (Background) Task").check();

  const finding = line.getByRole("article", { name: "R1 error: Service command line must be automated" });
  await expect(finding).toBeVisible();
  await expect(finding).toContainText('Command line "Interactive update" must be marked \'Automated Command Line\'');
  await finding.getByText("Why?").click();
  await expect(finding).toContainText("A System (Background) Task is run by the PCM service (Pcmsvc32) with nobody at the console.");
  await expect(finding.getByRole("link", { name: "Q166765" })).toHaveAttribute("href", "https://support.microsoft.com/kb/166765");

  await finding.getByRole("button", { name: "Apply" }).click();
  await expect(line.getByLabel("Automated Command Line")).toBeChecked();
  await expect(line.getByRole("article", { name: /^R1 / })).toHaveCount(0);
  // Nothing was saved: the findings follow the form in the browser.
  await expect(page.getByRole("heading", { name: "Edit Windows NT 4.0 Service Pack 3" })).toBeVisible();
});

test("a package-level finding follows a recorded fact: a Macintosh package on a non-NTFS source", async ({ page }) => {
  await page.goto("/packages/BPC00010/edit");
  const packageFindings = page.getByRole("list", { name: "Requirement findings for the package" });
  const finding = packageFindings.getByRole("article", { name: /^R21 error/ });
  await expect(finding).toContainText("its source is not on NTFS");
  // Moving the source is not one field away, so there is nothing to apply.
  await expect(finding.getByRole("button", { name: "Apply" })).toHaveCount(0);

  await page.getByLabel("Source is on an NTFS volume").selectOption("Yes");
  await expect(page.getByRole("article", { name: /^R21 / })).toHaveCount(0);
});

import { expect, test } from "@playwright/test";

test("a new user creates a package with two command lines, fixes a field error, edits it and deletes it", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Packages" }).click();
  await expect(page.getByRole("heading", { name: "Packages" })).toBeVisible();
  await page.getByRole("link", { name: "New package" }).click();

  await page.getByLabel("Package name").fill("Microsoft Excel 5.0");
  await page.getByLabel("Site", { exact: true }).selectOption("BPC");
  await page.getByLabel("Workstation source directory").fill("\\\\CNSAPPS1\\SOURCE\\EXCEL5");
  await page.getByLabel("Comments").fill("Excel 5.0 for the finance department");

  const first = page.getByRole("group", { name: "Command line 1" });
  await first.getByLabel("Command name").fill("Typical");
  await first.getByLabel("Command line", { exact: true }).fill("setup.exe /t");
  await first.getByLabel("Windows NT (x86)").check();

  await page.getByRole("button", { name: "Add command line" }).click();
  const second = page.getByRole("group", { name: "Command line 2" });
  await second.getByLabel("Command name").fill("Complete");
  // The command line itself is left empty on purpose.
  await second.getByLabel("Windows 3.x / WfW (WIN16)").check();
  await second.getByLabel("Automated Command Line").check();
  await page.getByRole("button", { name: "Create package" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Please correct the field marked below." })).toBeVisible();
  const emptyLine = second.getByLabel("Command line", { exact: true });
  await expect(emptyLine).toHaveAttribute("aria-invalid", "true");
  await expect(second.getByText("Command line is required")).toBeVisible();
  // What was typed is still there.
  await expect(page.getByLabel("Package name")).toHaveValue("Microsoft Excel 5.0");
  await expect(first.getByLabel("Command name")).toHaveValue("Typical");
  await expect(second.getByLabel("Automated Command Line")).toBeChecked();
  await expect(second.getByLabel("Windows 3.x / WfW (WIN16)")).toBeChecked();

  await emptyLine.fill("setup.exe /c");
  await page.getByRole("button", { name: "Create package" }).click();

  await expect(page.getByRole("heading", { name: "Microsoft Excel 5.0" })).toBeVisible();
  const packageId = (await page.locator("header").getByText(/^BPC[0-9A-Z]{5}$/).textContent())!.trim();
  expect(packageId).toMatch(/^BPC[0-9A-Z]{5}$/);
  const table = page.getByRole("table");
  await expect(table.getByRole("row", { name: /Typical/ })).toContainText("setup.exe /t");
  await expect(table.getByRole("row", { name: /Complete/ })).toContainText("Automated");

  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Package name").fill("Microsoft Excel 5.0c");
  await page.getByRole("group", { name: "Command line 1" }).getByLabel("System (Background) Task").check();
  await page.getByRole("button", { name: "Remove command line 2" }).click();
  await page.getByRole("button", { name: "Save package" }).click();

  await expect(page.getByRole("heading", { name: "Microsoft Excel 5.0c" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("table")).toContainText("System (Background) Task");

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: `Yes, delete package ${packageId}` }).click();
  await expect(page.getByRole("heading", { name: "Packages" })).toBeVisible();
  await page.goto(`/packages/${packageId}`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("the second of two admins saving the same package is refused and shown the current values", async ({ browser }) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await first.goto("/packages/BPC00012/edit");
  await second.goto("/packages/BPC00012/edit");

  await first.getByLabel("Package name").fill("WFW VREDIR.386 Patch (first admin)");
  await first.getByRole("button", { name: "Save package" }).click();
  await expect(first.getByRole("heading", { name: "WFW VREDIR.386 Patch (first admin)" })).toBeVisible();

  await second.getByLabel("Package name").fill("WFW VREDIR.386 Patch (second admin)");
  await second.getByRole("button", { name: "Save package" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "was changed by someone else" })).toBeVisible();
  await expect(second.getByLabel("Package name")).toHaveValue("WFW VREDIR.386 Patch (first admin)");

  await first.goto("/packages/BPC00012");
  await expect(first.getByRole("heading", { name: "WFW VREDIR.386 Patch (first admin)" })).toBeVisible();
});

import { expect, test } from "@playwright/test";

const GIVEN_PASSWORD = "given-by-the-administrator";
const OWN_PASSWORD = "only-the-operator-knows-this";

test("a user an administrator creates must choose their own password at first sign-in, then reaches the console", async ({ page, browser }) => {
  const email = `new-operator-${Date.now()}@e2e.test`;
  await page.goto("/users/new");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("New Operator");
  await page.getByLabel("Role").selectOption({ label: "Operator" });
  await page.getByLabel("Password", { exact: true }).fill(GIVEN_PASSWORD);
  await page.getByLabel("Confirm password").fill(GIVEN_PASSWORD);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { name: "New Operator" })).toBeVisible();
  await expect(page.getByText("Must change password at next sign-in")).toBeVisible();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const user = await context.newPage();
  await user.goto("/jobs");
  await user.getByLabel("Email").fill(email);
  await user.getByLabel("Password").fill(GIVEN_PASSWORD);
  await user.getByRole("button", { name: "Sign in" }).click();
  await expect(user.getByRole("heading", { name: "Choose your own password" })).toBeVisible();

  // No way round it: any console page leads back here.
  await user.goto("/packages");
  await expect(user.getByRole("heading", { name: "Choose your own password" })).toBeVisible();

  await user.getByLabel("Password you were given").fill(GIVEN_PASSWORD);
  await user.getByLabel("New password", { exact: true }).fill(GIVEN_PASSWORD);
  await user.getByLabel("Confirm new password").fill(GIVEN_PASSWORD);
  await user.getByRole("button", { name: "Change password and continue" }).click();
  await expect(user.getByText("New password must differ from the current one")).toBeVisible();

  await user.getByLabel("Password you were given").fill(GIVEN_PASSWORD);
  await user.getByLabel("New password", { exact: true }).fill(OWN_PASSWORD);
  await user.getByLabel("Confirm new password").fill(OWN_PASSWORD);
  await user.getByRole("button", { name: "Change password and continue" }).click();
  await expect(user.getByRole("heading", { name: "Packages" })).toBeVisible();
  await user.getByRole("link", { name: "Jobs", exact: true }).click();
  await expect(user.getByRole("heading", { name: "Jobs", exact: true })).toBeVisible();
  await context.close();

  await page.reload();
  await expect(page.getByText("Must change password at next sign-in")).toHaveCount(0);
});

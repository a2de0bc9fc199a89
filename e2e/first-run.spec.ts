import { expect, test } from "@playwright/test";
import { E2E_PASSWORD } from "./support/accounts";
import { sms } from "./support/cli";

test.use({ storageState: { cookies: [], origins: [] } });

test("signed in as the demo administrator with its printed password, the console asks for a new password, then for a real administrator and the demo one disabled", async ({ page }) => {
  // The same address `npm start` gives the demo administrator when it loads the demo.
  const email = "demo-admin@sms-console.local";
  try {
    // Like the printed demo password, a one-time password.
    sms(["user", "create", "--email", email, "--name", "Demo administrator", "--role", "administrator", "--password-env", "E2E_PASSWORD", "--must-change-password"], { E2E_PASSWORD });
  } catch {
    // Created by an earlier run against this database.
  }
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Choose your own password" })).toBeVisible();
  await page.getByLabel("Password you were given").fill(E2E_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("the demo administrator's own");
  await page.getByLabel("Confirm new password").fill("the demo administrator's own");
  await page.getByRole("button", { name: "Change password and continue" }).click();
  const reminder = page.getByRole("note");
  await expect(reminder).toContainText("You are signed in as the demo administrator");
  await reminder.getByRole("link", { name: "Create an administrator of your own" }).click();
  await expect(page).toHaveURL(/\/users\/new$/);
});

import { expect, test } from "@playwright/test";
import { E2E_PASSWORD } from "./support/accounts";
import { sms } from "./support/cli";

test.use({ storageState: { cookies: [], origins: [] } });

test("signed in as the demo administrator, the console asks for a real administrator and the demo one disabled", async ({ page }) => {
  // The same address `npm start` gives the demo administrator when it loads the demo.
  const email = "demo-admin@sms-console.local";
  try {
    sms(["user", "create", "--email", email, "--name", "Demo administrator", "--role", "administrator", "--password-env", "E2E_PASSWORD"], { E2E_PASSWORD });
  } catch {
    // Created by an earlier run against this database.
  }
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  const reminder = page.getByRole("note");
  await expect(reminder).toContainText("You are signed in as the demo administrator");
  await reminder.getByRole("link", { name: "Create an administrator of your own" }).click();
  await expect(page).toHaveURL(/\/users\/new$/);
});

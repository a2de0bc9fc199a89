import { expect, type Page, test } from "@playwright/test";
import { E2E_PASSWORD } from "./support/accounts";
import { sms } from "./support/cli";
import { totpCode } from "./support/totp";

test.use({ storageState: { cookies: [], origins: [] } });

function newAccount(): string {
  const email = `sign-in-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@e2e.test`;
  sms(["user", "create", "--email", email, "--name", "Sign-in test", "--role", "viewer", "--password-env", "E2E_PASSWORD"], { E2E_PASSWORD });
  return email;
}

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a signed-out visitor is sent to sign in, then back to the page asked for", async ({ page }) => {
  await page.goto("/packages");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpackages/);
  await expect(page.getByRole("heading", { name: "SMS Console" })).toBeVisible();
  await submitSignIn(page, newAccount(), E2E_PASSWORD);
  await expect(page.getByRole("heading", { name: "Packages", level: 1 })).toBeVisible();
  await expect(page.getByText("(Viewer)")).toBeVisible();
  // A viewer's navigation offers neither users nor the audit trail.
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Audit" })).toHaveCount(0);
});

test("a wrong password names no reason, and the password is not sent back", async ({ page }) => {
  await page.goto("/sign-in");
  await submitSignIn(page, newAccount(), "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is wrong" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveValue("");
  await submitSignIn(page, "nobody@e2e.test", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is wrong" })).toBeVisible();
});

test("after sign-in, only a path on this console is followed", async ({ page }) => {
  await page.goto("/sign-in?next=//evil.example/steal");
  await submitSignIn(page, newAccount(), E2E_PASSWORD);
  await expect(page).toHaveURL(/localhost:\d+\/$/);
});

test("a user turns on an authenticator and then signs in with a code", async ({ page }) => {
  const email = newAccount();
  await page.goto("/sign-in");
  await submitSignIn(page, email, E2E_PASSWORD);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto("/account");
  await page.getByLabel("Your password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Set up an authenticator" }).click();
  const secret = (await page.getByLabel("Authenticator key").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("Two-factor sign-in is on. Keep your backup codes")).toBeVisible();
  await expect(page.getByText("On: signing in asks for a code")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await submitSignIn(page, email, E2E_PASSWORD);
  await expect(page.getByRole("heading", { name: "Second factor" })).toBeVisible();
  await page.getByLabel("Code").fill("000000" === totpCode(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "wrong" })).toBeVisible();
  await page.getByLabel("Code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("a user changes their own password: the old one stops working and other sessions end", async ({ browser, page }) => {
  const email = newAccount();
  const other = await (await browser.newContext()).newPage();
  for (const signedIn of [page, other]) {
    await signedIn.goto("/sign-in");
    await submitSignIn(signedIn, email, E2E_PASSWORD);
    await expect(signedIn.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  }
  await page.goto("/account");
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("a-new-long-passphrase");
  await page.getByLabel("Confirm new password").fill("a-new-long-passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Current password is wrong").first()).toBeVisible();
  await page.getByLabel("Current password").fill(E2E_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("a-new-long-passphrase");
  await page.getByLabel("Confirm new password").fill("a-new-long-passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password is changed")).toBeVisible();
  // The other browser's session ended with the change.
  await other.goto("/jobs");
  await expect(other).toHaveURL(/\/sign-in/);
  await submitSignIn(other, email, E2E_PASSWORD);
  await expect(other.getByRole("alert").filter({ hasText: "Email or password is wrong" })).toBeVisible();
  await submitSignIn(other, email, "a-new-long-passphrase");
  // Back to the page it was on when its session ended.
  await expect(other.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
});

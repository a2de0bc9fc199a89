import { expect, test as setup } from "@playwright/test";
import { ROLES } from "@/lib/access/roles";
import { E2E_ACCOUNTS, E2E_PASSWORD, storageStateOf } from "./support/accounts";

// Signs each role in once through the sign-in page; the specs reuse the saved cookies.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(E2E_ACCOUNTS[role].email);
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(role) });
  });
}

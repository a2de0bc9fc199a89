import { type Browser, type BrowserContext, expect, test } from "@playwright/test";
import { E2E_PASSWORD, storageStateOf } from "./support/accounts";
import { sms } from "./support/cli";
import { ageSessions, auditEventTotals, endAddressSignInWindows } from "./support/database";

// Sessions end for good: a cookie copied before sign-out, before the account was disabled or before
// an administrator revoked its sessions is refused afterwards.

test.use({ storageState: { cookies: [], origins: [] } });

let accountNumber = 0;
function newAccount(role = "operator"): string {
  const email = `session-${Date.now()}-${accountNumber++}@e2e.test`;
  sms(["user", "create", "--email", email, "--name", "Session test", "--role", role, "--password-env", "E2E_PASSWORD"], { E2E_PASSWORD });
  return email;
}

async function signIn(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return context;
}

async function expectRefused(browser: Browser, cookies: Awaited<ReturnType<BrowserContext["cookies"]>>) {
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const page = await replay.newPage();
  const response = await page.request.get("/jobs", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/\/sign-in/);
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/sign-in/);
  await replay.close();
}

test("a session cookie replayed after sign-out is refused", async ({ browser }) => {
  const context = await signIn(browser, newAccount());
  const cookies = await context.cookies();
  expect(cookies.some((cookie) => cookie.name.includes("session_token") && cookie.httpOnly && cookie.sameSite === "Lax")).toBe(true);
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectRefused(browser, cookies);
  await context.close();
});

test("a session cookie replayed after the account is disabled is refused", async ({ browser }) => {
  const email = newAccount();
  const context = await signIn(browser, email);
  const cookies = await context.cookies();
  sms(["user", "disable", "--email", email]);
  await expectRefused(browser, cookies);
  // Nor can the disabled account sign in again.
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is wrong" })).toBeVisible();
  await context.close();
});

test("a session cookie replayed after an administrator revoked the sessions is refused", async ({ browser }) => {
  const email = newAccount();
  const context = await signIn(browser, email);
  const cookies = await context.cookies();
  const administrator = await browser.newContext({ storageState: storageStateOf("administrator") });
  const page = await administrator.newPage();
  await page.goto("/users");
  await page.getByRole("link", { name: email }).click();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByText("Signed out everywhere: 1 session ended.")).toBeVisible();
  await expectRefused(browser, cookies);
  await administrator.close();
  await context.close();
});

test("a session left idle for 30 minutes ends; one used within 30 minutes goes on", async ({ browser }) => {
  const email = newAccount();
  const context = await signIn(browser, email);
  const page = await context.newPage();
  await ageSessions(email, { lastRequestAt: new Date(Date.now() - 29 * 60_000) });
  await page.goto("/jobs");
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  await ageSessions(email, { lastRequestAt: new Date(Date.now() - 31 * 60_000) });
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test("a session ends 12 hours after sign-in however busy it is", async ({ browser }) => {
  const email = newAccount();
  const context = await signIn(browser, email);
  const page = await context.newPage();
  await ageSessions(email, { expiresAt: new Date(Date.now() - 1000) });
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test("200 wrong passwords through the sign-in form: at most 10 are checked, the rest are refused and audited", async ({ browser }) => {
  const email = newAccount("viewer");
  const context = await browser.newContext();
  const page = await context.newPage();
  // The sign-in form's own server action, exactly as the browser posted it; replayed with other passwords.
  const before = await auditEventTotals("auth.sign-in");
  let recorded: { headers: Record<string, string>; body: string } | null = null;
  page.on("request", (request) => {
    if (request.headers()["next-action"] && request.postData()?.includes("wrong-password-0")) recorded = { headers: request.headers(), body: request.postData()! };
  });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password-0");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is wrong" })).toBeVisible();
  expect(recorded).not.toBeNull();
  const { headers, body: recordedBody } = recorded!;

  const outcomes = { wrong: 1, throttled: 0 };
  const attempts = Array.from({ length: 199 }, (_, index) => index + 1);
  for (let start = 0; start < attempts.length; start += 10) {
    await Promise.all(
      attempts.slice(start, start + 10).map(async (index) => {
        const response = await page.request.post("/sign-in", {
          headers: { "Next-Action": headers["next-action"]!, "Content-Type": headers["content-type"]!, Accept: "text/x-component", Origin: new URL(page.url()).origin },
          data: recordedBody.replace("wrong-password-0", `wrong-password-${index}`),
        });
        const body = await response.text();
        if (body.includes("Too many sign-in attempts")) outcomes.throttled++;
        else if (body.includes("Email or password is wrong")) outcomes.wrong++;
        else throw new Error(`unexpected answer ${response.status()}: ${body.slice(0, 200)}`);
      }),
    );
  }
  expect(outcomes.wrong).toBeLessThanOrEqual(10);
  expect(outcomes.wrong + outcomes.throttled).toBe(200);
  // Even the right password waits out the window now.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many sign-in attempts" })).toBeVisible();
  // Every attempt is audited; from one address they share a row per outcome, counting them.
  const after = await auditEventTotals("auth.sign-in");
  expect((after.refused ?? 0) - (before.refused ?? 0)).toBe(outcomes.throttled + 1);
  expect((after.failure ?? 0) - (before.failure ?? 0)).toBe(outcomes.wrong);
  await context.close();
  // The address used up its own attempts too; the specs after this one sign in from it.
  await endAddressSignInWindows();
});

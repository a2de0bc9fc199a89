import { type Browser, expect, test } from "@playwright/test";
import { E2E_PASSWORD } from "./support/accounts";
import { sms } from "./support/cli";
import { auditAddresses, auditEventsSince, auditEventTotals, endAddressSignInWindows, lastAuditId } from "./support/database";

// What one anonymous client can do to the console: forge where it comes from, lock an account,
// send malformed requests, and upload more than the console accepts.

const port = process.env.E2E_PORT ?? 3100;
/** The console reached over IPv4 and over IPv6: to the console, two client addresses. */
const OFFICE_URL = `http://127.0.0.1:${port}`;
const OTHER_ADDRESS_URL = `http://[::1]:${port}`;

test.afterEach(endAddressSignInWindows);

async function signInAttempt(browser: Browser, options: { baseURL?: string; email: string; password: string; extraHTTPHeaders?: Record<string, string> }) {
  const context = await browser.newContext({ baseURL: options.baseURL ?? OFFICE_URL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: options.extraHTTPHeaders });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(options.email);
  await page.getByLabel("Password").fill(options.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const outcome = await Promise.race([
    page.getByRole("alert").filter({ hasText: /Email or password is wrong|Too many sign-in attempts/ }).textContent(),
    page.waitForURL((url) => !url.pathname.startsWith("/sign-in")).then(() => "signed in"),
  ]);
  await context.close();
  return outcome!.includes("Too many") ? "throttled" : outcome!.includes("wrong") ? "wrong" : outcome;
}

test("a forged X-Forwarded-For changes neither the recorded address nor the sign-in limit", async ({ browser }) => {
  const before = await auditEventTotals("auth.sign-in");
  const result = await signInAttempt(browser, { email: "nobody@e2e.test", password: "not the password", extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.66" } });
  expect(result).toBe("wrong");
  expect((await auditEventTotals("auth.sign-in")).failure! - (before.failure ?? 0)).toBe(1);
  const addresses = await auditAddresses("auth.sign-in");
  expect(addresses).toContain("127.0.0.1");
  expect(addresses).not.toContain("203.0.113.66");
});

test("ten wrong passwords from a stranger do not lock out the only administrator", async ({ browser }) => {
  const email = `only-admin-${Date.now()}@e2e.test`;
  sms(["user", "create", "--admin", "--email", email, "--name", "Only administrator", "--password-env", "E2E_PASSWORD"], { E2E_PASSWORD });
  // The administrator has signed in from the office (127.0.0.1) before.
  expect(await signInAttempt(browser, { email, password: E2E_PASSWORD })).toBe("signed in");
  // A stranger elsewhere (::1) uses up the account's attempts, then is refused even with the password.
  const before = await auditEventTotals("auth.sign-in");
  const since = await lastAuditId();
  for (let attempt = 0; attempt < 10; attempt++) expect(await signInAttempt(browser, { baseURL: OTHER_ADDRESS_URL, email, password: `guess-${attempt}-wrong` })).toBe("wrong");
  expect(await signInAttempt(browser, { baseURL: OTHER_ADDRESS_URL, email, password: E2E_PASSWORD })).toBe("throttled");
  // The administrator, from the office, still signs in.
  expect(await signInAttempt(browser, { email, password: E2E_PASSWORD })).toBe("signed in");
  // The stranger's ten failures are audited, on at most one new row, from ::1.
  expect((await auditEventTotals("auth.sign-in")).failure! - (before.failure ?? 0)).toBe(10);
  const failures = (await auditEventsSince("auth.sign-in", since)).filter((event) => event.outcome === "failure");
  expect(failures.length).toBeLessThanOrEqual(1);
  for (const failure of failures) expect(failure.address).toBe("::1");
});

test("malformed percent-encoding, control characters in a search and TRACE get 400 with the security headers", async ({ request }) => {
  for (const [method, url] of [
    ["GET", "/packages/%c0"],
    ["GET", "/%E0%A4%A"],
    ["GET", "/computers?search=%00"],
    ["GET", "/jobs?search=BPC%00"],
    ["GET", "/packages?search=%01"],
    ["TRACE", "/"],
    ["TRACE", "/packages"],
  ] as const) {
    const response = await request.fetch(url, { method, maxRedirects: 0 });
    expect(response.status(), `${method} ${url}`).toBe(400);
    const headers = response.headers();
    expect(headers["content-security-policy"], `${method} ${url}`).toMatch(/frame-ancestors 'none'/);
    expect(headers["x-content-type-options"], `${method} ${url}`).toBe("nosniff");
    expect(headers["x-frame-options"], `${method} ${url}`).toBe("DENY");
  }
});

test("the page for an unknown address carries the nonce on its scripts and runs under the policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/no-such-page");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"]!)?.[1];
  const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  for (const scriptNonce of scriptNonces) expect(scriptNonce).toBe(nonce);
  // Hydrated: the client-side link navigates.
  await page.getByRole("link", { name: "Back to the console" }).click();
  await expect(page).not.toHaveURL(/no-such-page/);
  expect(violations).toEqual([]);
});

test("a site document over the upload limit gets the size message, not the error page", async ({ page }) => {
  await page.goto("/import-export");
  const size = 34 * 1024 * 1024;
  await page.getByLabel("Site document (JSON)").setInputFiles({ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(size, 0x20) });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(`huge.json is ${size.toLocaleString("en-US")} bytes; the limit is 33,554,432.`)).toBeVisible();
  await expect(page.getByText("Something failed")).toHaveCount(0);
});

import { type APIResponse, expect, test } from "@playwright/test";

// Every response carries the security headers, whatever produced it: a page, a redirect, a
// refusal, a static file, a route handler, a client's instruction file or a 404.

function expectSecurityHeaders(response: APIResponse, label: string) {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, label).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy, label).toContain("frame-ancestors 'none'");
  expect(policy, label).toContain("object-src 'none'");
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["referrer-policy"], label).toBe("no-referrer");
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["x-powered-by"], label).toBeUndefined();
}

test("security headers on pages, redirects, refusals, static files, routes and errors", async ({ page, playwright }) => {
  const signedOut = await playwright.request.newContext({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3100}`, storageState: { cookies: [], origins: [] } });
  const html = await (await page.request.get("/")).text();
  const staticAsset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  expect(staticAsset).toBeTruthy();

  const asAdministrator = ["/", "/jobs", "/jobs/BPC00001", "/sign-in", staticAsset!, "/health", "/pcmins.box/MDM00005.INS", "/computers/MDM00005/instructions", "/instruction-box/archive", "/import-export/site-document", "/audit/export", "/no-such-page", "/icon.svg"];
  for (const url of asAdministrator) expectSecurityHeaders(await page.request.get(url, { maxRedirects: 0 }), `GET ${url}`);

  for (const url of ["/", "/jobs", "/computers/MDM00005/instructions"]) expectSecurityHeaders(await signedOut.get(url, { maxRedirects: 0 }), `signed out GET ${url}`);
  expectSecurityHeaders(await page.request.post("/jobs/review-draft", { headers: { Origin: "http://evil.example" }, data: "{}" }), "cross-origin POST");
  await signedOut.dispose();
});

test("pages carry the nonce on their scripts and run under the policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/jobs");
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"]!)?.[1];
  expect(nonce).toBeTruthy();
  const scriptNonces = await page.locator("script[src]").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  for (const scriptNonce of scriptNonces) expect(scriptNonce).toBe(nonce);
  // The page is interactive: client components hydrated under the policy.
  await page.getByRole("link", { name: "Packages" }).click();
  await expect(page.getByRole("heading", { name: "Packages", level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("downloads are attachments with a safe file name and are not stored", async ({ page }) => {
  for (const url of ["/instruction-box/archive", "/import-export/site-document", "/audit/export"]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    const headers = response.headers();
    expect(headers["content-disposition"], url).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"$/);
    expect(headers["cache-control"], url).toContain("no-store");
  }
});

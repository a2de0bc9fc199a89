// npm run docs:screenshot: the README's screenshot (docs/screenshot.png) of today's console, taken from a
// running end-to-end server with the demo loaded (E2E_PORT=3100 node scripts/e2e-server.mjs, in another
// terminal): the e2e administrator signs in and the pending demo job BPC00002 is shown with its review.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const baseUrl = process.env.SMS_SCREENSHOT_URL ?? `http://localhost:${process.env.E2E_PORT ?? "3100"}`;
const output = path.join(root, "docs", "screenshot.png");

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent("/jobs/BPC00002")}`);
  await page.getByLabel("Email").fill("administrator@e2e.test");
  // The e2e server's accounts (scripts/e2e-server.mjs, e2e/support/accounts.ts).
  await page.getByLabel("Password").fill("e2e-correct-horse-battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Requirement review" }).waitFor();
  await page.screenshot({ path: output });
  console.log(`Wrote ${path.relative(root, output)} from ${baseUrl}/jobs/BPC00002`);
} finally {
  await browser.close();
}

import { defineConfig, devices } from "@playwright/test";
import { storageStateOf } from "./e2e/support/accounts";

const port = Number(process.env.E2E_PORT ?? 3100);

// Debian's Chromium, never a downloaded browser; the flags keep it off this closed network.
const CHROMIUM_ARGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const launchOptions = { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS };

export default defineConfig({
  testDir: "e2e",
  // Per database: the SQLite and PostgreSQL runs go side by side in npm test (scripts/test-all.mjs).
  outputDir: `test-results/${process.env.SMS_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite"}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: `playwright-report/${process.env.SMS_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite"}` }]],
  // Generous limits so a busy machine slows a spec down instead of failing it; assertions wait for conditions.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs in one account per role (e2e/auth.setup.ts); the other specs start signed in.
    { name: "sign-in", testMatch: /auth\.setup\.ts/, use: { launchOptions } },
    {
      name: "chromium",
      dependencies: ["sign-in"],
      use: { ...devices["Desktop Chrome"], launchOptions, storageState: storageStateOf("administrator") },
    },
  ],
  webServer: {
    // A production build on a throw-away database with the demo loaded.
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${port}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { E2E_PORT: String(port) },
  },
});

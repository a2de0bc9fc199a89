import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // The data layer is marked server-only; outside Next.js that marker is a no-op.
      "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    // Safety nets for a hung test, not speed limits: a loaded 2-core machine must not fail a test
    // that is only slow (issue 16, item 6). Speed figures belong in scripts/bench/.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    globalSetup: ["tests/support/global-setup.ts"],
    // Each test file gets its own copy of a migrated SQLite database.
    setupFiles: ["tests/support/database-per-file.ts"],
  },
});

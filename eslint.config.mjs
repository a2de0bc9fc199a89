import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ["generated/**", ".next/**", ".sms-cli/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // Pure domain code runs unchanged in the app, the CLI and tests: no framework or database imports.
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/db.ts", "lib/db/**", "lib/data/**", "lib/env.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*"], message: "lib/ is pure domain code: no Next.js imports." },
            { group: ["react", "react-dom", "react/*"], message: "lib/ is pure domain code: no React imports." },
            { group: ["@prisma/*", "@/generated/*", "*/generated/*"], message: "lib/ is pure domain code: database access goes through lib/data." },
            { group: ["@/lib/db", "../db", "./db", "*/data/*"], message: "lib/ is pure domain code: database access goes through lib/data." },
          ],
        },
      ],
    },
  },
];

export default config;

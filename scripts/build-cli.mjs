// Compiles the CLI (cli/sms.ts and what it imports from lib/) ahead of time into .sms-cli/, so that
// `sms` starts without a TypeScript loader. Packages stay in node_modules; each command is a chunk
// of its own, loaded only when it runs. Run by `npm install` (postinstall), `npm start` and the
// tests; bin/sms.mjs rebuilds when a source is newer than the build, and falls back to tsx when it
// cannot. `node scripts/build-cli.mjs` builds by hand.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_BUILD_DIRECTORY = path.join(root, ".sms-cli");
export const CLI_ENTRY = path.join(CLI_BUILD_DIRECTORY, "sms.mjs");
const INPUTS = path.join(CLI_BUILD_DIRECTORY, "inputs.json");

/**
 * Whether the build in .sms-cli/ was made from the sources as they are now: every source it was
 * built from is still there and none changed since. A new file only matters once a source that
 * imports it changes, which this sees.
 */
export function isCliBuildCurrent() {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(INPUTS, "utf8"));
    statSync(CLI_ENTRY);
  } catch {
    return false;
  }
  for (const input of recorded.inputs) {
    try {
      if (statSync(path.join(root, input)).mtimeMs > recorded.builtAt) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Builds into a temporary directory and swaps it in, so a running `sms` never sees half a build. */
export async function buildCli() {
  // esbuild comes with tsx, a dependency of the console: present wherever the console is installed.
  const require = createRequire(createRequire(import.meta.url).resolve("tsx"));
  const { build } = await import(require.resolve("esbuild"));
  const builtAt = Date.now();
  const staging = `${CLI_BUILD_DIRECTORY}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { sms: path.join(root, "cli", "sms.ts") },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    outExtension: { ".js": ".mjs" },
    metafile: true,
    logLevel: "error",
    plugins: [
      {
        // Next's entry points are files without an exports map: Node's ESM loader wants the extension.
        name: "next-entry-points",
        setup(plugin) {
          plugin.onResolve({ filter: /^next\/[a-z-]+$/ }, (args) => ({ path: `${args.path}.js`, external: true }));
        },
      },
      {
        // The data layer's marker that keeps it out of browser bundles: nothing to do in the CLI.
        name: "server-only",
        setup(plugin) {
          plugin.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "server-only" }));
          plugin.onLoad({ filter: /.*/, namespace: "server-only" }, () => ({ contents: "", loader: "js" }));
        },
      },
    ],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith("server-only:"));
  writeFileSync(path.join(staging, "inputs.json"), JSON.stringify({ builtAt, inputs }));
  const old = `${CLI_BUILD_DIRECTORY}.${process.pid}.old`;
  try {
    renameSync(CLI_BUILD_DIRECTORY, old);
  } catch {
    // None yet, or another `sms` moved it away while building too.
  }
  try {
    renameSync(staging, CLI_BUILD_DIRECTORY);
  } catch {
    // Another `sms` put its build in place first: the same sources, so keep that one.
  }
  rmSync(old, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
  console.log(`Built the CLI into ${path.relative(process.cwd(), CLI_BUILD_DIRECTORY) || "."}`);
}

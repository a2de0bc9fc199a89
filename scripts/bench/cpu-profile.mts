// Sums a server's CPU profiles (node --cpu-prof) by self time: per package or area of the app, and
// per function, so a benchmark can show what stands between a figure and its floor.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

const percent = (part: number, total: number) => `${((part / total) * 100).toFixed(1).padStart(5)}%`;

/** Where a sample's code lives: a package, the app's compiled chunks, Node's own modules, or the runtime (GC, native). */
function areaOf(url: string, functionName: string): string {
  const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules) return inModules[1]!;
  if (url.includes("/.next/server/chunks/")) return "app chunks (.next/server/chunks: the handler, lib/, bundled packages)";
  if (url.includes("/.next/")) return "app (.next, other)";
  if (url.startsWith("node:")) return url;
  return url ? "other" : `(${functionName || "native"})`;
}

export function printCpuProfiles(directory: string): void {
  if (!existsSync(directory)) return console.log("\nno CPU profile was written");
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const name of readdirSync(directory).filter((file) => file.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(path.join(directory, name), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const { url, functionName } = nodes.get(id)!.callFrame;
      const delta = profile.timeDeltas[index] ?? 0;
      const area = areaOf(url, functionName);
      byArea.set(area, (byArea.get(area) ?? 0) + delta);
      const where = `${functionName || "(anonymous)"} ${url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}`;
      byFunction.set(where, (byFunction.get(where) ?? 0) + delta);
      total += delta;
    });
  }
  if (total === 0) return console.log("\nthe CPU profile has no samples");
  console.log(`\nServer CPU profile (self time, all processes): ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [area, micros] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${percent(micros, total)}  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${area}`);
  console.log("  by function:");
  for (const [where, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${percent(micros, total)}  ${where.slice(0, 150)}`);
}

// npm run bench:planning: times target resolution, Send and instruction planning for 10,000 targets.
// Prints figures; asserts nothing (targets: planning for 10,000 targets under a second).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { spawnSync } from "node:child_process";

const directory = mkdtempSync(path.join(os.tmpdir(), "sms-bench-planning-"));
process.env.DATABASE_URL = `file:${path.join(directory, "bench.db")}`;
const migrate = spawnSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], { encoding: "utf8", env: process.env });
if (migrate.status !== 0) throw new Error(migrate.stderr);

const { db } = await import("../../lib/db.ts");
// Benchmarks act as an administrator of their own throw-away database, as the CLI does.
const { bindProcessActor } = await import("../../lib/data/accounts/session.ts");
bindProcessActor({ userId: null, name: "benchmark", role: "administrator", address: null, sessionId: null });
const { importSiteDocument } = await import("../../lib/data/sites/site-document-import.ts");
const { createJob } = await import("../../lib/data/jobs/job-changes.ts");
const { activateJob } = await import("../../lib/data/jobs/job-lifecycle.ts");
const { getPlannedJob } = await import("../../lib/data/instruction-box/instructions.ts");
const { buildLargeSiteDocument } = await import("../../lib/demo/large-site-document.ts");
const { planInstructions } = await import("../../lib/jobs/instructions.ts");
const { resolveTargets } = await import("../../lib/jobs/targets.ts");
const { loadTargetInventory } = await import("../../lib/data/review/target-inventory.ts");
const { jobInputSchema } = await import("../../lib/jobs/schema.ts");

const TARGETS = 10_000;
const time = async <T,>(label: string, work: () => Promise<T> | T): Promise<T> => {
  const start = performance.now();
  const result = await work();
  console.log(`${label.padEnd(58)} ${(performance.now() - start).toFixed(1).padStart(9)} ms`);
  return result;
};

console.log(`Instruction planning benchmark: ${TARGETS.toLocaleString("en-US")} targets, SQLite at ${directory}\n`);
await time("import a site document with 10,000 computers", () => importSiteDocument(buildLargeSiteDocument({ computers: TARGETS, packages: 50 })));
const line = await db.workstationCommandLine.findFirstOrThrow({ where: { packageId: "BPC0000A", commandName: "Complete" } });
const input = jobInputSchema.parse({
  packageId: "BPC0000A",
  siteCode: "BPC",
  target: { kind: "QUERY" },
  sendPhase: { isEnabled: true },
  distributePhase: { putOnSpecifiedServers: true },
  runPhase: { isEnabled: true, commandLineId: line.id, offerAfter: "2026-11-21T08:00:00", isMandatory: true, mandatoryAfter: "2026-11-28T20:00:00" },
});
const inventory = await time("load inventory for target resolution", () => loadTargetInventory(db));
const resolved = await time("resolve a whole-hierarchy query target (pure)", () => resolveTargets(input.target, inventory));
const jobId = await createJob({ input });
const sent = await time(`Send: resolve and freeze ${resolved.smsIds.length} targets in one transaction`, () => activateJob({ jobId }));
const planned = (await getPlannedJob(jobId))!;
const computers = await db.computer.findMany({ select: { smsId: true, siteCode: true } });
const records = await time(`plan the instruction records of ${sent.targetCount} targets (pure)`, () =>
  computers.reduce((count, computer) => count + planInstructions({ siteCode: computer.siteCode, jobs: [planned], now: "2026-11-22T00:00:00" }).length, 0),
);
const twentyJobs = Array.from({ length: 20 }, (_, index) => ({ ...planned, jobId: `BPC${String(index).padStart(5, "0")}`, requestId: `BPC${String(index).padStart(4, "0")}` }));
await time(`plan 20 jobs for each of ${computers.length} targets (pure)`, () =>
  computers.reduce((count, computer) => count + planInstructions({ siteCode: computer.siteCode, jobs: twentyJobs, now: "2026-11-22T00:00:00" }).length, 0),
);
console.log(`\n${records.toLocaleString("en-US")} records planned; peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
await db.$disconnect();
rmSync(directory, { recursive: true, force: true });

import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { planInstructions, type PlannedJob } from "../../jobs/instructions";
import { instructionServerOf } from "../../jobs/servers";
import { resolveTargets } from "../../jobs/targets";
import { formatPcmdump } from "../../pcmdump/format";
import { nextRequestIdOf } from "./id-allocation";
import { groupTargetChanges, type ChangeGroup } from "../../jobs/send-changes";
import { diffLines } from "../../text-diff";
import { asJobState, jobInputOf } from "./job-mapping";
import { resolveDistributionServers } from "./job-lifecycle";
import { plannedJobSelect, toPlannedJob } from "../instruction-box/instructions";
import { pageWindow, toPage, type Page } from "../console/records";
import { loadTargetInventory } from "../review/target-inventory";
import { authorize } from "../accounts/session";

export interface SendPreview {
  requestId: string;
  /** Distinct changes, each with the targets it applies to; changes first, then the targets left as they are. */
  changes: Page<ChangeGroup>;
  targetCount: number;
  changedTargetCount: number;
  /** Distinct changes (groups other than the unchanged one). */
  changeCount: number;
  serverNames: string[];
}

/** Target computers read per query: well under every database's limit on bound parameters. */
const TARGET_BATCH = 500;

/**
 * What Send would change in each target's instruction file, before anything is saved: the dump of
 * the file now and as it would be with this job active, compared line by line, and the targets
 * grouped by identical change (lib/jobs/send-changes.ts). Every target is compared, one diff per
 * site and set of jobs, so the groups count them all; the page shows `pageSize` groups.
 */
export async function previewSend(options: { jobId: string; now: string; page: number; pageSize?: number }): Promise<SendPreview> {
  await authorize("console:read");
  const { jobId, now } = options;
  const row = await db.job.findUnique({ where: { jobId }, select: { ...plannedJobSelect, siteCode: true, packageId: true, site: { select: { code: true, nextRequestNumber: true } } } });
  if (!row) throw new DomainError("not_found", `Job ${jobId} does not exist`);
  if (asJobState(row.state) !== "PENDING") throw new DomainError("conflict", `Job ${jobId} was already sent; its targets' files are shown on their pages`);
  const definition = jobInputOf((await db.job.findUniqueOrThrow({ where: { jobId } })));
  const inventory = await loadTargetInventory(db);
  const { smsIds } = resolveTargets(definition.target, inventory);
  const siteOf = new Map(inventory.computers.map((computer) => [computer.smsId, computer.siteCode]));
  const servers = await resolveDistributionServers(db, definition, new Set(smsIds.map((smsId) => siteOf.get(smsId) as string)));
  // The next number the site would allocate; another Send in between would take it first.
  const requestId = nextRequestIdOf(row.site);
  const candidate: PlannedJob = {
    ...toPlannedJob(row),
    state: "ACTIVE",
    requestId,
    sentAt: new Date().toISOString(),
    servers: servers.all.map((server) => instructionServerOf(server, row.packageId)),
  };

  // Computers on one site with the same jobs have the same file but for its name: one diff each.
  const computersByJobs = new Map<string, { siteCode: string; jobIds: string[]; smsIds: string[] }>();
  for (let index = 0; index < smsIds.length; index += TARGET_BATCH) {
    const computers = await db.computer.findMany({
      where: { smsId: { in: smsIds.slice(index, index + TARGET_BATCH) } },
      select: { smsId: true, siteCode: true, jobTargets: { select: { jobId: true } } },
    });
    for (const computer of computers) {
      const jobIds = computer.jobTargets.map((target) => target.jobId).sort();
      const key = `${computer.siteCode} ${jobIds.join(" ")}`;
      const entry = computersByJobs.get(key) ?? { siteCode: computer.siteCode, jobIds, smsIds: [] };
      entry.smsIds.push(computer.smsId);
      computersByJobs.set(key, entry);
    }
  }
  const jobIds = [...new Set([...computersByJobs.values()].flatMap((entry) => entry.jobIds))];
  const jobs = new Map<string, PlannedJob>();
  for (let index = 0; index < jobIds.length; index += TARGET_BATCH) {
    for (const job of await db.job.findMany({ where: { jobId: { in: jobIds.slice(index, index + TARGET_BATCH) } }, select: plannedJobSelect })) jobs.set(job.jobId, toPlannedJob(job));
  }
  const diffs = [...computersByJobs.values()].map((entry) => {
    entry.smsIds.sort();
    const current = entry.jobIds.map((jobId) => jobs.get(jobId)).filter((job): job is PlannedJob => job !== undefined);
    const fileName = `${entry.smsIds[0]}.INS`;
    const dumpOf = (records: ReturnType<typeof planInstructions>) => (records.length ? formatPcmdump(fileName, records) : "(no instruction file)\n");
    const diff = diffLines(dumpOf(planInstructions({ siteCode: entry.siteCode, jobs: current, now })), dumpOf(planInstructions({ siteCode: entry.siteCode, jobs: [...current, candidate], now })));
    return { smsIds: entry.smsIds, fileName, diff };
  });
  const groups = groupTargetChanges(diffs);
  const { skip, take } = pageWindow(options.page, options.pageSize);
  return {
    requestId,
    changes: toPage(groups.slice(skip, skip + take), groups.length, options.page, options.pageSize),
    targetCount: smsIds.length,
    changeCount: groups.filter((group) => group.isChange).length,
    changedTargetCount: groups.filter((group) => group.isChange).reduce((count, group) => count + group.smsIds.length, 0),
    serverNames: servers.all.map((server) => server.name),
  };
}

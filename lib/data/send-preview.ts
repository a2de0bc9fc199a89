import "server-only";
import { db } from "../db";
import { DomainError } from "../errors";
import { planInstructions, type PlannedJob } from "../jobs/instructions";
import { instructionServerOf } from "../jobs/servers";
import { resolveTargets } from "../jobs/targets";
import { formatPcmdump } from "../pcmdump/format";
import { nextRequestIdOf } from "./id-allocation";
import { diffLines, type DiffLine } from "../text-diff";
import { asJobState, jobInputOf } from "./job-mapping";
import { resolveDistributionServers } from "./job-lifecycle";
import { plannedJobSelect, toPlannedJob } from "./instructions";
import { pageWindow, toPage, type Page } from "./records";
import { loadTargetInventory } from "./target-inventory";
import { authorize } from "./session";

export interface TargetPreview {
  smsId: string;
  fileName: string;
  diff: DiffLine[];
  addedLines: number;
  removedLines: number;
}

export interface SendPreview {
  requestId: string;
  targets: Page<TargetPreview>;
  serverNames: string[];
}

/**
 * What Send would change in each target's instruction file, before anything is saved: the dump of
 * the file now and as it would be with this job active, compared line by line.
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

  const { skip, take } = pageWindow(options.page, options.pageSize);
  const pageIds = smsIds.slice(skip, skip + take);
  const computers = await db.computer.findMany({
    where: { smsId: { in: pageIds } },
    select: { smsId: true, siteCode: true, jobTargets: { select: { job: { select: plannedJobSelect } } } },
    orderBy: { smsId: "asc" },
  });
  const items = computers.map((computer) => {
    const jobs = computer.jobTargets.map(({ job }) => toPlannedJob(job));
    const fileName = `${computer.smsId}.INS`;
    const dumpOf = (records: ReturnType<typeof planInstructions>) => (records.length ? formatPcmdump(fileName, records) : "(no instruction file)\n");
    const diff = diffLines(dumpOf(planInstructions({ siteCode: computer.siteCode, jobs, now })), dumpOf(planInstructions({ siteCode: computer.siteCode, jobs: [...jobs, candidate], now })));
    return {
      smsId: computer.smsId,
      fileName,
      diff,
      addedLines: diff.filter((line) => line.kind === "added").length,
      removedLines: diff.filter((line) => line.kind === "removed").length,
    };
  });
  return { requestId, targets: toPage(items, smsIds.length, options.page, options.pageSize), serverNames: servers.all.map((server) => server.name) };
}

import "server-only";
import { db } from "../db";
import { encodeInstructionFile } from "../ins/encode";
import type { InstructionRecord } from "../ins/record";
import { holdsInstruction, planInstructions, type PlannedJob } from "../jobs/instructions";
import { isExpired } from "../jobs/lifecycle";
import { wallClockToLocalDate } from "../wall-clock";
import { plannedJobSelect, toPlannedJob } from "./instructions";
import { pageWindow, toPage, type Page } from "./records";
import { authorize } from "./session";

/** One client's instruction file as PCMINS.BOX would hold it. */
export interface InstructionFile {
  smsId: string;
  fileName: string;
  records: InstructionRecord[];
  bytes: Uint8Array;
  /** The latest change that can alter the file: a job, its package, the computer, or an expiry. */
  lastModified: Date;
}

export function instructionFileName(smsId: string): string {
  return `${smsId}.INS`;
}

type JobWithChanges = PlannedJob & { changedAt: Date };

/** When a job last changed what its targets' files hold: edits, state changes, package edits, expiry. */
function changedAt(job: PlannedJob, updatedAt: Date, packageUpdatedAt: Date, now: string): Date {
  const times = [updatedAt.getTime(), packageUpdatedAt.getTime()];
  if (job.isExpiring && job.expireAfter && isExpired(job, now)) times.push(wallClockToLocalDate(job.expireAfter).getTime());
  return new Date(Math.max(...times));
}

const jobSelect = { ...plannedJobSelect, updatedAt: true, package: { select: { ...plannedJobSelect.package.select, updatedAt: true } } } as const;

function buildFile(smsId: string, siteCode: string, computerUpdatedAt: Date, jobs: JobWithChanges[], now: string): InstructionFile | null {
  const records = planInstructions({ siteCode, jobs, now });
  if (records.length === 0) return null;
  const lastModified = new Date(Math.max(computerUpdatedAt.getTime(), ...jobs.map((job) => job.changedAt.getTime())));
  return { smsId, fileName: instructionFileName(smsId), records, bytes: encodeInstructionFile(records), lastModified };
}

/**
 * Planned jobs by job ID, with the versions they were built from. A job's records change only when
 * the job or its package is saved (command lines are saved with their package), and every such
 * save increments one of the two version columns; so a cached entry with the current versions is
 * exact, in every console instance, while a request costs one small query instead of seven.
 */
type CachedJob = { stamp: string; job: PlannedJob; updatedAt: Date; packageUpdatedAt: Date };
const plannedJobCache = new Map<string, CachedJob>();
const PLANNED_JOB_CACHE_LIMIT = 20_000;

/** Version and save time of the job and of its package: a record re-created by an import gets a new time. */
const stampOf = (job: { version: number; updatedAt: Date }, pkg: { version: number; updatedAt: Date }) =>
  `${job.version}@${job.updatedAt.getTime()}:${pkg.version}@${pkg.updatedAt.getTime()}`;

async function plannedJobsFor(targets: { jobId: string; stamp: string }[]): Promise<CachedJob[]> {
  // Answer from a local copy: another request may clear or refill the shared cache meanwhile.
  const found = new Map<string, CachedJob>();
  const missing: string[] = [];
  for (const target of targets) {
    const cached = plannedJobCache.get(target.jobId);
    if (cached?.stamp === target.stamp) found.set(target.jobId, cached);
    else missing.push(target.jobId);
  }
  if (missing.length > 0) {
    const rows = await db.job.findMany({ where: { jobId: { in: missing } }, select: { ...jobSelect, version: true, package: { select: { ...jobSelect.package.select, version: true } } } });
    if (plannedJobCache.size > PLANNED_JOB_CACHE_LIMIT) plannedJobCache.clear();
    for (const row of rows) {
      const entry = { stamp: stampOf(row, row.package), job: toPlannedJob(row), updatedAt: row.updatedAt, packageUpdatedAt: row.package.updatedAt };
      plannedJobCache.set(row.jobId, entry);
      found.set(row.jobId, entry);
    }
  }
  return targets.flatMap((target) => found.get(target.jobId) ?? []);
}

/** A client's instruction file for the console's pages and the CLI: anyone who may read the console. */
export async function getInstructionFile(options: { smsId: string; now: string }): Promise<InstructionFile | "unknown" | "empty"> {
  await authorize("console:read");
  return generateInstructionFile(options);
}

/**
 * A client's instruction file generated now, or why there is none: "unknown" when the SMS ID is
 * not in inventory, "empty" when no active job offers it anything (PCM logs "No instruction file").
 * Unchecked: for the clients' own GET /pcmins.box/<SMS ID>.INS, whose access rule
 * (instruction-box-access.ts) decides before calling it. Everything else calls getInstructionFile.
 */
export async function generateInstructionFile(options: { smsId: string; now: string }): Promise<InstructionFile | "unknown" | "empty"> {
  const computer = await db.computer.findUnique({
    where: { smsId: options.smsId },
    select: { smsId: true, siteCode: true, updatedAt: true, jobTargets: { select: { job: { select: { jobId: true, version: true, updatedAt: true, package: { select: { version: true, updatedAt: true } } } } } } },
  });
  if (!computer) return "unknown";
  const entries = await plannedJobsFor(computer.jobTargets.map(({ job }) => ({ jobId: job.jobId, stamp: stampOf(job, job.package) })));
  const jobs = entries.map((entry) => ({ ...entry.job, changedAt: changedAt(entry.job, entry.updatedAt, entry.packageUpdatedAt, options.now) }));
  return buildFile(computer.smsId, computer.siteCode, computer.updatedAt, jobs, options.now) ?? "empty";
}

/** Every active job that puts a record in files now, with the SMS IDs it targets. */
async function loadHoldingJobs(now: string) {
  const rows = await db.job.findMany({ where: { state: "ACTIVE", commandLineId: { not: null } }, select: jobSelect });
  const jobs = new Map<string, JobWithChanges>();
  for (const row of rows) {
    const planned = toPlannedJob(row);
    if (holdsInstruction(planned, now)) jobs.set(planned.jobId, { ...planned, changedAt: changedAt(planned, row.updatedAt, row.package.updatedAt, now) });
  }
  return jobs;
}

/** SMS IDs of the clients that have an instruction file now, sorted, optionally filtered by prefix. */
async function clientsWithFiles(jobIds: string[], search?: string): Promise<string[]> {
  const prefix = search?.trim().toUpperCase();
  const rows = await db.jobTarget.findMany({
    where: { jobId: { in: jobIds }, ...(prefix ? { smsId: { startsWith: prefix } } : {}) },
    select: { smsId: true },
    distinct: ["smsId"],
    orderBy: { smsId: "asc" },
  });
  return rows.map((row) => row.smsId);
}

/** Builds the files of a batch of clients from jobs already loaded. */
async function buildFiles(smsIds: string[], jobs: Map<string, JobWithChanges>, now: string): Promise<InstructionFile[]> {
  const [computers, targets, departed] = await Promise.all([
    db.computer.findMany({ where: { smsId: { in: smsIds } }, select: { smsId: true, siteCode: true, updatedAt: true } }),
    db.jobTarget.findMany({ where: { smsId: { in: smsIds }, jobId: { in: [...jobs.keys()] } }, select: { smsId: true, jobId: true } }),
    // A job that left the file (canceled, complete, failed) changed it when it left: "Last change" never goes backwards.
    db.jobTarget.findMany({ where: { smsId: { in: smsIds }, jobId: { notIn: [...jobs.keys()] }, job: { state: { not: "PENDING" } } }, select: { smsId: true, job: { select: { updatedAt: true } } } }),
  ]);
  const departedAt = new Map<string, number>();
  for (const entry of departed) departedAt.set(entry.smsId, Math.max(departedAt.get(entry.smsId) ?? 0, entry.job.updatedAt.getTime()));
  const jobsOf = new Map<string, JobWithChanges[]>();
  for (const target of targets) {
    const job = jobs.get(target.jobId);
    if (job) jobsOf.set(target.smsId, [...(jobsOf.get(target.smsId) ?? []), job]);
  }
  const files: InstructionFile[] = [];
  for (const computer of computers.sort((a, b) => a.smsId.localeCompare(b.smsId))) {
    const changedAt = new Date(Math.max(computer.updatedAt.getTime(), departedAt.get(computer.smsId) ?? 0));
    const file = buildFile(computer.smsId, computer.siteCode, changedAt, jobsOf.get(computer.smsId) ?? [], now);
    if (file) files.push(file);
  }
  return files;
}

export interface BoxEntry {
  smsId: string;
  fileName: string;
  byteLength: number;
  recordCount: number;
  lastModified: Date;
}

/** The instruction box as `pcmdump /l` lists it: a page of clients with files, searchable by SMS ID. */
export async function listInstructionBox(options: { now: string; search?: string; page: number }): Promise<Page<BoxEntry>> {
  await authorize("console:read");
  const jobs = await loadHoldingJobs(options.now);
  const smsIds = await clientsWithFiles([...jobs.keys()], options.search);
  const { skip, take } = pageWindow(options.page);
  const files = await buildFiles(smsIds.slice(skip, skip + take), jobs, options.now);
  const entries = files.map((file) => ({ smsId: file.smsId, fileName: file.fileName, byteLength: file.bytes.length, recordCount: file.records.length, lastModified: file.lastModified }));
  return toPage(entries, smsIds.length, options.page);
}

/**
 * Every client's instruction file, a batch at a time so memory stays bounded however large the
 * site: what `sms box sync`, the box download and the benchmark write.
 */
export async function* generateInstructionBox(options: { now: string; batchSize?: number }): AsyncGenerator<InstructionFile> {
  await authorize("console:read");
  const jobs = await loadHoldingJobs(options.now);
  const smsIds = await clientsWithFiles([...jobs.keys()]);
  const batchSize = options.batchSize ?? 500;
  for (let start = 0; start < smsIds.length; start += batchSize) {
    yield* await buildFiles(smsIds.slice(start, start + batchSize), jobs, options.now);
  }
}

/** How many clients have an instruction file now (for progress and listings). */
export async function countInstructionFiles(options: { now: string }): Promise<number> {
  await authorize("console:read");
  const jobs = await loadHoldingJobs(options.now);
  return (await clientsWithFiles([...jobs.keys()])).length;
}


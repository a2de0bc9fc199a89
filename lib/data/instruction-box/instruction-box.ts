import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../../db";
import { arrayReader } from "../../db/array-reader";
import { encodeInstructionFile } from "../../ins/encode";
import type { InstructionRecord } from "../../ins/record";
import { holdsInstruction, planInstructions, type PlannedJob } from "../../jobs/instructions";
import { isExpired } from "../../jobs/lifecycle";
import { creatingSiteOf } from "../../sms-id";
import { wallClockToEpochMs, wallClockToLocalDate } from "../../wall-clock";
import { plannedJobSelect, toPlannedJob } from "./instructions";
import { pageWindow, toPage, type Page } from "../console/records";
import { authorize } from "../accounts/session";

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

/**
 * A client's file from its jobs (all of them: a canceled job's save still moves Last-Modified on).
 * `contents` holds the records and bytes already made, keyed by the site and the holding jobs.
 */
function buildFile(
  smsId: string,
  siteCode: string,
  computerUpdatedAt: Date,
  jobs: JobWithChanges[],
  now: string,
  contents: ContentCache,
  stamps?: ReadonlyMap<string, string>,
): InstructionFile | null {
  const holding = jobs.filter((job) => holdsInstruction(job, now));
  if (holding.length === 0) return null;
  const lastModified = new Date(Math.max(computerUpdatedAt.getTime(), ...jobs.map((job) => job.changedAt.getTime())));
  const content = contents.contentOf(siteCode, holding, now, stamps);
  return { smsId, fileName: instructionFileName(smsId), records: content.records, bytes: content.bytes, lastModified };
}

type Content = { records: InstructionRecord[]; bytes: Uint8Array };

/**
 * The records and bytes of files: a function of the site and of the jobs holding a record, so
 * clients of a site with the same jobs share one copy, planned and encoded once. A job is named in
 * the key by its stamp (versions and save times), or by its ID alone where each job was loaded
 * once for the whole use of the cache (one box generation).
 */
class ContentCache {
  private readonly contents = new Map<string, Content>();
  constructor(private readonly limit: number) {}

  contentOf(siteCode: string, holding: PlannedJob[], now: string, stamps?: ReadonlyMap<string, string>): Content {
    const key = `${siteCode}|${holding.map((job) => `${job.jobId}=${stamps?.get(job.jobId) ?? ""}`).sort().join(",")}`;
    const cached = this.contents.get(key);
    if (cached) return cached;
    const records = planInstructions({ siteCode, jobs: holding, now });
    const content = { records, bytes: encodeInstructionFile(records) };
    if (this.contents.size >= this.limit) this.contents.clear();
    this.contents.set(key, content);
    return content;
  }
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

/** The setting that decides who may read a site's instruction files (instruction-box-access.ts). */
export interface SiteAccessRow {
  code: string;
  instructionBoxAccess: string;
  instructionBoxTokenHash: string | null;
}

/**
 * What one query tells of a client: whether it is in inventory, the site whose access setting
 * decides its fetches (its own, or for an unknown SMS ID the site that created it), and the
 * versions of everything its file is built from. Enough to answer from the cache below.
 */
export interface ClientStamps {
  smsId: string;
  site: SiteAccessRow | null;
  computer: { siteCode: string; updatedAt: Date; targets: { jobId: string; stamp: string }[] } | null;
}

type ClientStampRow = {
  computerSite: string | null;
  computerUpdatedAt: Date | string | number | null;
  code: string;
  instructionBoxAccess: string;
  instructionBoxTokenHash: string | null;
  jobId: string | null;
  jobVersion: number | bigint | null;
  jobUpdatedAt: Date | string | number | null;
  packageVersion: number | bigint | null;
  packageUpdatedAt: Date | string | number | null;
};

/** Raw rows carry dates as the driver gives them: a Date, or SQLite's text or milliseconds. */
const asDate = (value: Date | string | number): Date => (value instanceof Date ? value : new Date(value));

/**
 * One statement: the computer, its site's access setting and every job it is a target of with the
 * versions of the job and its package, plus the creating site's setting for an SMS ID not in
 * inventory (creatingSite: its first three characters, Q127052). Plain SQL, portable to SQLite and
 * PostgreSQL, so no query is compiled per request.
 */
export async function readClientStamps(smsId: string, creatingSite: string): Promise<ClientStamps> {
  const rows = await db.$queryRaw<ClientStampRow[]>`
    SELECT c."siteCode" AS "computerSite", c."updatedAt" AS "computerUpdatedAt",
           s."code" AS "code", s."instructionBoxAccess" AS "instructionBoxAccess", s."instructionBoxTokenHash" AS "instructionBoxTokenHash",
           j."jobId" AS "jobId", j."version" AS "jobVersion", j."updatedAt" AS "jobUpdatedAt",
           p."version" AS "packageVersion", p."updatedAt" AS "packageUpdatedAt"
      FROM "Computer" c
      JOIN "Site" s ON s."code" = c."siteCode"
      LEFT JOIN "JobTarget" t ON t."smsId" = c."smsId"
      LEFT JOIN "Job" j ON j."jobId" = t."jobId"
      LEFT JOIN "Package" p ON p."packageId" = j."packageId"
     WHERE c."smsId" = ${smsId}
    UNION ALL
    SELECT NULL, NULL, s."code", s."instructionBoxAccess", s."instructionBoxTokenHash", NULL, NULL, NULL, NULL, NULL
      FROM "Site" s
     WHERE s."code" = ${creatingSite}`;
  const own = rows.filter((row) => row.computerSite !== null);
  const first = own[0];
  if (!first) {
    const site = rows[0];
    return { smsId, site: site ? siteOf(site) : null, computer: null };
  }
  const targets = own
    .filter((row) => row.jobId !== null)
    .map((row) => ({
      jobId: row.jobId!,
      stamp: stampOf({ version: Number(row.jobVersion), updatedAt: asDate(row.jobUpdatedAt!) }, { version: Number(row.packageVersion), updatedAt: asDate(row.packageUpdatedAt!) }),
    }))
    .sort((a, b) => (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0));
  return { smsId, site: siteOf(first), computer: { siteCode: first.computerSite!, updatedAt: asDate(first.computerUpdatedAt!), targets } };
}

const siteOf = (row: ClientStampRow): SiteAccessRow => ({ code: row.code, instructionBoxAccess: row.instructionBoxAccess, instructionBoxTokenHash: row.instructionBoxTokenHash });

/**
 * Each client's last file (or its lack of one) with the stamps it was built from and the span of
 * time it holds for: a job's expiry is the only moment that changes a file without a write. A
 * request whose stamps match answers without planning or encoding, and knows its ETag at once.
 * Clients with the same site and jobs share one copy of the bytes.
 */
type CachedClient = { key: string; validFromMs: number; validUntilMs: number; file: InstructionFile | null };
const clientCache = new Map<string, CachedClient>();
const CLIENT_CACHE_LIMIT = 100_000;
// Bytes shared by clients, keyed by the jobs' stamps; at most a few MB for a site's distinct job sets.
const sharedContents = new ContentCache(2_000);

/** The file of a client whose stamps were just read, from the cache when they still match. */
export async function instructionFileFromStamps(client: ClientStamps, now: string): Promise<InstructionFile | "unknown" | "empty"> {
  const computer = client.computer;
  if (!computer) return "unknown";
  const key = `${computer.siteCode}|${computer.updatedAt.getTime()}|${computer.targets.map((target) => `${target.jobId}=${target.stamp}`).join(",")}`;
  const at = wallClockToEpochMs(now);
  const cached = clientCache.get(client.smsId);
  if (cached && cached.key === key && at >= cached.validFromMs && at < cached.validUntilMs) return cached.file ?? "empty";

  const entries = await plannedJobsFor(computer.targets);
  const jobs = entries.map((entry) => ({ ...entry.job, changedAt: changedAt(entry.job, entry.updatedAt, entry.packageUpdatedAt, now) }));
  const stamps = new Map(entries.map((entry) => [entry.job.jobId, entry.stamp]));
  const file = buildFile(client.smsId, computer.siteCode, computer.updatedAt, jobs, now, sharedContents, stamps);
  // The span between the expiries either side of now: within it the same jobs hold records.
  let validFromMs = -Infinity;
  let validUntilMs = Infinity;
  for (const { job } of entries) {
    if (!job.isExpiring || !job.expireAfter) continue;
    const expiry = wallClockToEpochMs(job.expireAfter);
    if (expiry <= at) validFromMs = Math.max(validFromMs, expiry);
    else validUntilMs = Math.min(validUntilMs, expiry);
  }
  if (clientCache.size >= CLIENT_CACHE_LIMIT) clientCache.clear();
  clientCache.set(client.smsId, { key, validFromMs, validUntilMs, file });
  return file ?? "empty";
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
  return instructionFileFromStamps(await readClientStamps(options.smsId, creatingSiteOf(options.smsId)), options.now);
}

/** The ETag of a file's bytes: a hash, so every console instance gives a file the same one. Shared bytes hash once. */
const etags = new WeakMap<Uint8Array, string>();
export function instructionFileETag(bytes: Uint8Array): string {
  let etag = etags.get(bytes);
  if (etag === undefined) {
    etag = `"${createHash("sha1").update(bytes).digest("base64url")}"`;
    etags.set(bytes, etag);
  }
  return etag;
}

/**
 * Every active job that puts a record in files now, and the SQL condition on a job `j` that picks
 * them (the same test as holdsInstruction, with the expired ones named: they are few).
 */
async function loadHoldingJobs(now: string): Promise<{ jobs: Map<string, JobWithChanges>; holds: Prisma.Sql }> {
  const rows = await db.job.findMany({ where: { state: "ACTIVE", commandLineId: { not: null }, requestId: { not: null } }, select: jobSelect });
  const jobs = new Map<string, JobWithChanges>();
  const expired: string[] = [];
  for (const row of rows) {
    const planned = toPlannedJob(row);
    if (holdsInstruction(planned, now)) jobs.set(planned.jobId, { ...planned, changedAt: changedAt(planned, row.updatedAt, row.package.updatedAt, now) });
    else expired.push(planned.jobId);
  }
  const holds = Prisma.sql`j."state" = 'ACTIVE' AND j."commandLineId" IS NOT NULL AND j."requestId" IS NOT NULL${expired.length > 0 ? Prisma.sql` AND j."jobId" NOT IN (${Prisma.join(expired)})` : Prisma.empty}`;
  return { jobs, holds };
}

/** SMS IDs of computers `c` starting with `search` (upper-cased; LIKE's wildcards in it match themselves). */
function prefixCondition(search: string | undefined): Prisma.Sql {
  const prefix = search?.trim().toUpperCase();
  if (!prefix) return Prisma.empty;
  return Prisma.sql` AND c."smsId" LIKE ${`${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`} ESCAPE '\\'`;
}

/** Whether computer `c` is a target of a job that holds a record now. */
const hasFile = (holds: Prisma.Sql) => Prisma.sql`EXISTS (SELECT 1 FROM "JobTarget" t JOIN "Job" j ON j."jobId" = t."jobId" WHERE t."smsId" = c."smsId" AND ${holds})`;

/**
 * The clients with a file now, in SQL (Prisma's `distinct` would fetch every target row and sort
 * them out in memory): a page of them in SMS ID order, or those after `after`, so a whole box is
 * read a batch at a time. Walks the computers in key order and stops at `take`, whatever the size.
 */
async function clientsWithFiles(holds: Prisma.Sql, options: { search?: string; after?: string; skip?: number; take: number }): Promise<string[]> {
  const rows = await db.$queryRaw<{ smsId: string }[]>`
    SELECT c."smsId" AS "smsId" FROM "Computer" c
     WHERE ${hasFile(holds)}${prefixCondition(options.search)}${options.after !== undefined ? Prisma.sql` AND c."smsId" > ${options.after}` : Prisma.empty}
     ORDER BY c."smsId" LIMIT ${options.take} OFFSET ${options.skip ?? 0}`;
  return rows.map((row) => row.smsId);
}

async function countClientsWithFiles(holds: Prisma.Sql, search?: string): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number | bigint }[]>`SELECT COUNT(*) AS "count" FROM "Computer" c WHERE ${hasFile(holds)}${prefixCondition(search)}`;
  return Number(row?.count ?? 0);
}

type ClientRow = { smsId: string; siteCode: string; updatedAt: Date | string | number };

/**
 * Builds the files of a batch of clients (consecutive in SMS ID order) from jobs already loaded,
 * by the range of their SMS IDs rather than a list of them. The (client, job) pairs are read from
 * the target index alone, driven by the jobs (CROSS JOIN keeps SQLite to that order), as arrays
 * (arrayReader: 10,000 pairs a batch, no dates); each client's own row is read once, not once a job.
 */
async function buildFiles(smsIds: string[], loaded: { jobs: Map<string, JobWithChanges>; holds: Prisma.Sql }, now: string, contents: ContentCache): Promise<InstructionFile[]> {
  if (smsIds.length === 0) return [];
  const [first, last] = [smsIds[0]!, smsIds.at(-1)!];
  const [pairs, computers, departed] = await Promise.all([
    arrayReader()(Prisma.sql`
      SELECT t."smsId", t."jobId" FROM "Job" j CROSS JOIN "JobTarget" t
       WHERE t."jobId" = j."jobId" AND ${loaded.holds} AND t."smsId" >= ${first} AND t."smsId" <= ${last}`),
    db.$queryRaw<ClientRow[]>`
      SELECT c."smsId" AS "smsId", c."siteCode" AS "siteCode", c."updatedAt" AS "updatedAt" FROM "Computer" c WHERE c."smsId" >= ${first} AND c."smsId" <= ${last}`,
    // A job that left the file (canceled, complete, failed) changed it when it left: "Last change" never goes backwards.
    db.$queryRaw<{ smsId: string; departedAt: Date | string | number }[]>`
      SELECT t."smsId" AS "smsId", MAX(j."updatedAt") AS "departedAt"
        FROM "Job" j CROSS JOIN "JobTarget" t
       WHERE t."jobId" = j."jobId" AND NOT (${loaded.holds}) AND j."state" <> 'PENDING' AND t."smsId" >= ${first} AND t."smsId" <= ${last}
       GROUP BY t."smsId"`,
  ]);
  const computerOf = new Map(computers.map((computer) => [computer.smsId, computer]));
  const departedAt = new Map(departed.map((row) => [row.smsId, asDate(row.departedAt).getTime()]));
  const wanted = new Set(smsIds);
  const clients = new Map<string, { siteCode: string; updatedAt: Date; jobs: JobWithChanges[] }>();
  for (const [smsId, jobId] of pairs as [string, string][]) {
    const job = loaded.jobs.get(jobId);
    const computer = computerOf.get(smsId);
    if (!job || !computer || !wanted.has(smsId)) continue;
    let client = clients.get(smsId);
    if (!client) clients.set(smsId, (client = { siteCode: computer.siteCode, updatedAt: asDate(computer.updatedAt), jobs: [] }));
    client.jobs.push(job);
  }
  const files: InstructionFile[] = [];
  for (const [smsId, client] of [...clients].sort(([a], [b]) => a.localeCompare(b))) {
    const changedAt = new Date(Math.max(client.updatedAt.getTime(), departedAt.get(smsId) ?? 0));
    const file = buildFile(smsId, client.siteCode, changedAt, client.jobs, now, contents);
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
  const loaded = await loadHoldingJobs(options.now);
  const { skip, take } = pageWindow(options.page);
  const [smsIds, total] = await Promise.all([clientsWithFiles(loaded.holds, { search: options.search, skip, take }), countClientsWithFiles(loaded.holds, options.search)]);
  const files = await buildFiles(smsIds, loaded, options.now, new ContentCache(take));
  const entries = files.map((file) => ({ smsId: file.smsId, fileName: file.fileName, byteLength: file.bytes.length, recordCount: file.records.length, lastModified: file.lastModified }));
  return toPage(entries, total, options.page);
}

/**
 * Every client's instruction file, a batch at a time so memory stays bounded however large the
 * site: what `sms box sync`, the box download and the benchmark write. Clients with the same site
 * and jobs get the same bytes, planned and encoded once.
 */
export async function* generateInstructionBox(options: { now: string; batchSize?: number }): AsyncGenerator<InstructionFile> {
  await authorize("console:read");
  const loaded = await loadHoldingJobs(options.now);
  if (loaded.jobs.size === 0) return;
  const batchSize = options.batchSize ?? 500;
  // Each job is loaded once for the whole box, so its ID names its content; bounded all the same.
  const contents = new ContentCache(10_000);
  let after: string | undefined;
  for (;;) {
    const smsIds = await clientsWithFiles(loaded.holds, { after, take: batchSize });
    if (smsIds.length === 0) return;
    yield* await buildFiles(smsIds, loaded, options.now, contents);
    after = smsIds.at(-1);
  }
}

/** How many clients have an instruction file now (for progress and listings). */
export async function countInstructionFiles(options: { now: string }): Promise<number> {
  await authorize("console:read");
  const loaded = await loadHoldingJobs(options.now);
  return loaded.jobs.size === 0 ? 0 : countClientsWithFiles(loaded.holds);
}

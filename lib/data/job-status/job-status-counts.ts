import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { arrayReader } from "../../db/array-reader";
import { databaseProvider } from "../../env";
import type { TargetCounts } from "../../job-status/job-status-summary";
import { currentWallClock } from "../../wall-clock";
import { authorize } from "../accounts/session";

/**
 * The Job Status page's grouped reads: counts the database makes, so a 20,000-target job is read as
 * a few dozen grouped rows, not 20,000 objects. Plain SQL as arrays (decision 012), both databases.
 */

const count = (value: unknown) => Number(value);

/** A job's targets counted by status, per site (sites with a target only, by site code). */
export async function readTargetCountsBySite(jobId: string): Promise<Map<string, TargetCounts>> {
  await authorize("console:read");
  const rows = await arrayReader()(Prisma.sql`
    SELECT c."siteCode", s."status", COUNT(*)
    FROM "JobTarget" t
    JOIN "Computer" c ON c."smsId" = t."smsId"
    LEFT JOIN "TargetStatus" s ON s."jobId" = t."jobId" AND s."smsId" = t."smsId"
    WHERE t."jobId" = ${jobId}
    GROUP BY c."siteCode", s."status"`);
  const bySite = new Map<string, TargetCounts>();
  for (const [siteCode, status, number] of rows as [string, string | null, unknown][]) {
    const counts = bySite.get(siteCode) ?? { NONE: 0, COMPLETE: 0, RETRYING: 0 };
    // No status row (or one this console does not know) is None (Q156250).
    counts[status === "COMPLETE" || status === "RETRYING" ? status : "NONE"] += count(number);
    bySite.set(siteCode, counts);
  }
  return new Map([...bySite].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export type ReportOutcome = "applied" | "refused" | "held";
export interface ReportsInHour {
  hour: string;
  applied: number;
  refused: number;
  held: number;
}

/**
 * Every offset a time zone has had since 1972 is a whole number of quarter hours, so a quarter hour
 * of UTC lies within one hour of the console's wall clock, whatever its zone or daylight saving.
 */
const QUARTER_HOUR_SECONDS = 900;

function quarterHourOf(provider: ReturnType<typeof databaseProvider>): Prisma.Sql {
  // SQLite keeps Prisma's DateTime as ISO 8601 text with its offset; PostgreSQL as UTC timestamp(3).
  return provider === "postgresql"
    ? Prisma.sql`CAST(FLOOR(EXTRACT(EPOCH FROM "receivedAt") / ${Prisma.raw(String(QUARTER_HOUR_SECONDS))}) AS BIGINT)`
    : Prisma.sql`CAST(strftime('%s', "receivedAt") AS INTEGER) / ${Prisma.raw(String(QUARTER_HOUR_SECONDS))}`;
}

/**
 * A job's reports counted per hour of the console's wall clock ("YYYY-MM-DDTHH") and by outcome,
 * oldest first. The database counts per quarter hour of UTC; those fold into local hours here.
 */
export async function readReportsOverTime(jobId: string): Promise<ReportsInHour[]> {
  await authorize("console:read");
  const quarterHour = quarterHourOf(databaseProvider());
  const rows = await arrayReader()(Prisma.sql`
    SELECT ${quarterHour} AS "quarterHour", "outcome", COUNT(*)
    FROM "StatusReport"
    WHERE "jobId" = ${jobId}
    GROUP BY 1, "outcome"`);
  const hours = new Map<string, ReportsInHour>();
  for (const [quarterHourIndex, outcome, number] of rows as [unknown, string, unknown][]) {
    const hour = currentWallClock(new Date(count(quarterHourIndex) * QUARTER_HOUR_SECONDS * 1000)).slice(0, 13);
    const bucket = hours.get(hour) ?? { hour, applied: 0, refused: 0, held: 0 };
    bucket[outcome === "refused" || outcome === "held" ? outcome : "applied"] += count(number);
    hours.set(hour, bucket);
  }
  return [...hours.values()].sort((a, b) => (a.hour < b.hour ? -1 : a.hour > b.hour ? 1 : 0));
}

export interface TargetWithoutReport {
  smsId: string;
  name: string;
  siteCode: string;
  ntDomain: string | null;
}

/**
 * The first `limit` targets (by SMS ID) with no status row yet, None (Q156250), and how many there
 * are: the overdue list's candidates, read as arrays rather than as Prisma objects with relations.
 */
export async function readTargetsWithoutReport(jobId: string, limit: number): Promise<{ targets: TargetWithoutReport[]; total: number }> {
  await authorize("console:read");
  const read = arrayReader();
  // Every status row belongs to a target (its foreign key), so two counts from indexes give how many have none.
  const [[counted]] = (await read(Prisma.sql`SELECT (SELECT COUNT(*) FROM "JobTarget" WHERE "jobId" = ${jobId}) - (SELECT COUNT(*) FROM "TargetStatus" WHERE "jobId" = ${jobId})`)) as [[unknown]];
  const total = count(counted);
  if (total === 0 || limit <= 0) return { targets: [], total };
  const rows = await read(Prisma.sql`
    SELECT t."smsId", c."name", c."siteCode", c."ntDomain"
    FROM "JobTarget" t
    JOIN "Computer" c ON c."smsId" = t."smsId"
    WHERE t."jobId" = ${jobId} AND NOT EXISTS (SELECT 1 FROM "TargetStatus" s WHERE s."jobId" = t."jobId" AND s."smsId" = t."smsId")
    ORDER BY t."smsId"
    LIMIT ${Prisma.raw(String(Math.floor(limit)))}`);
  return { targets: (rows as [string, string, string, string | null][]).map(([smsId, name, siteCode, ntDomain]) => ({ smsId, name, siteCode, ntDomain })), total };
}

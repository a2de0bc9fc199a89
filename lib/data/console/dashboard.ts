import "server-only";
import { db } from "../../db";
import { JOB_STATES, type JobState } from "../../jobs/schema";
import { addDays } from "../../wall-clock";
import { authorize } from "../accounts/session";

export interface DashboardJob {
  jobId: string;
  packageName: string;
  state: JobState;
  /** When the scheduler sends the job (Pending jobs with a Schedule only). */
  activateAt: string | null;
  offerAfter: string | null;
  mandatoryAfter: string | null;
  expireAfter: string | null;
}

export interface Dashboard {
  jobsByState: Record<JobState | "EXPIRED", number>;
  turningMandatory: DashboardJob[];
  expiring: DashboardJob[];
  timeline: DashboardJob[];
}

const jobSelect = { jobId: true, state: true, activateAt: true, offerAfter: true, isMandatory: true, mandatoryAfter: true, isExpiring: true, expireAfter: true, package: { select: { name: true } } } as const;

type Row = { jobId: string; state: string; activateAt: string | null; offerAfter: string | null; isMandatory: boolean; mandatoryAfter: string | null; isExpiring: boolean; expireAfter: string | null; package: { name: string } };

function toDashboardJob(row: Row): DashboardJob {
  return {
    jobId: row.jobId,
    packageName: row.package.name,
    state: row.state as JobState,
    activateAt: row.state === "PENDING" ? row.activateAt : null,
    offerAfter: row.offerAfter,
    mandatoryAfter: row.isMandatory ? row.mandatoryAfter : null,
    expireAfter: row.isExpiring ? row.expireAfter : null,
  };
}

/**
 * The console's home page: jobs by state, what turns mandatory or expires in the next week, and
 * the dates of the jobs still in play. Wall-clock strings compare correctly as text.
 */
export async function getDashboard(options: { now: string; horizonDays?: number }): Promise<Dashboard> {
  await authorize("console:read");
  const { now } = options;
  const horizon = addDays(now, options.horizonDays ?? 7);
  const [grouped, expired, turningMandatory, expiring, timeline] = await Promise.all([
    db.job.groupBy({ by: ["state"], _count: { _all: true } }),
    db.job.count({ where: { state: "ACTIVE", isExpiring: true, expireAfter: { lte: now } } }),
    db.job.findMany({ where: { state: { in: ["PENDING", "ACTIVE"] }, isMandatory: true, mandatoryAfter: { gte: now, lte: horizon } }, orderBy: { mandatoryAfter: "asc" }, select: jobSelect }),
    db.job.findMany({ where: { state: { in: ["PENDING", "ACTIVE"] }, isExpiring: true, expireAfter: { gte: now, lte: horizon } }, orderBy: { expireAfter: "asc" }, select: jobSelect }),
    db.job.findMany({ where: { state: { in: ["PENDING", "ACTIVE"] }, offerAfter: { not: null } }, orderBy: { offerAfter: "asc" }, take: 40, select: jobSelect }),
  ]);
  const jobsByState = Object.fromEntries([...JOB_STATES, "EXPIRED"].map((state) => [state, 0])) as Dashboard["jobsByState"];
  for (const group of grouped) jobsByState[group.state as JobState] = group._count._all;
  // Expired is the clock's doing: those jobs are still stored as Active.
  jobsByState.ACTIVE -= expired;
  jobsByState.EXPIRED = expired;
  return {
    jobsByState,
    turningMandatory: turningMandatory.map(toDashboardJob),
    expiring: expiring.map(toDashboardJob),
    timeline: timeline.map(toDashboardJob),
  };
}

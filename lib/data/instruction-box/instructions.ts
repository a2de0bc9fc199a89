import "server-only";
import { db } from "../../db";
import type { InstructionRecord } from "../../ins/record";
import { holdsInstruction, offerStateOf, planInstructions, type OfferState, type PlannedJob } from "../../jobs/instructions";
import type { JobType } from "../../jobs/schema";
import { parsePlatformList } from "../../platforms";
import { asJobState } from "../jobs/job-mapping";
import { authorize } from "../accounts/session";

export const plannedJobSelect = {
  jobId: true,
  jobType: true,
  requestId: true,
  state: true,
  offerAfter: true,
  isMandatory: true,
  mandatoryAfter: true,
  notMandatoryOverSlowLink: true,
  isExpiring: true,
  expireAfter: true,
  package: { select: { packageId: true, name: true, comments: true } },
  commandLine: {
    select: { commandName: true, commandLine: true, isAutomated: true, isSystemTask: true, isUserInputRequired: true, isSynchronousSystemExitRequired: true, supportedPlatforms: true },
  },
  servers: { orderBy: { position: "asc" as const }, select: { path: true, serverType: true, zone: true } },
  transitions: { where: { toState: "ACTIVE" }, select: { at: true }, take: 1 },
} as const;

type PlannedJobRow = {
  jobId: string;
  jobType: string;
  requestId: string | null;
  state: string;
  offerAfter: string | null;
  isMandatory: boolean;
  mandatoryAfter: string | null;
  notMandatoryOverSlowLink: boolean;
  isExpiring: boolean;
  expireAfter: string | null;
  package: PlannedJob["package"];
  commandLine: (Omit<NonNullable<PlannedJob["commandLine"]>, "supportedPlatforms"> & { supportedPlatforms: string }) | null;
  servers: { path: string; serverType: number; zone: string }[];
  transitions: { at: Date }[];
};

export function toPlannedJob(row: PlannedJobRow): PlannedJob {
  return {
    jobId: row.jobId,
    jobType: row.jobType as JobType,
    requestId: row.requestId,
    state: asJobState(row.state),
    sentAt: row.transitions[0]?.at.toISOString() ?? null,
    package: row.package,
    commandLine: row.commandLine && { ...row.commandLine, supportedPlatforms: parsePlatformList(row.commandLine.supportedPlatforms) },
    offerAfter: row.offerAfter,
    isMandatory: row.isMandatory,
    mandatoryAfter: row.mandatoryAfter,
    notMandatoryOverSlowLink: row.notMandatoryOverSlowLink,
    isExpiring: row.isExpiring,
    expireAfter: row.expireAfter,
    servers: row.servers.map(({ path, serverType, zone }) => ({ path, type: serverType, zone })),
  };
}

export interface ComputerInstructions {
  smsId: string;
  siteCode: string;
  records: InstructionRecord[];
  jobs: (PlannedJob & { offer: OfferState; holdsRecord: boolean })[];
}

/** The jobs sent to a client and the instruction records it should hold at `now`. */
export async function getComputerInstructions(options: { smsId: string; now: string }): Promise<ComputerInstructions | null> {
  await authorize("console:read");
  const computer = await db.computer.findUnique({
    where: { smsId: options.smsId },
    select: { smsId: true, siteCode: true, jobTargets: { select: { job: { select: plannedJobSelect } } } },
  });
  if (!computer) return null;
  const jobs = computer.jobTargets.map((target) => toPlannedJob(target.job));
  return {
    smsId: computer.smsId,
    siteCode: computer.siteCode,
    records: planInstructions({ siteCode: computer.siteCode, jobs, now: options.now }),
    jobs: jobs.map((job) => ({ ...job, offer: offerStateOf(job, options.now), holdsRecord: holdsInstruction(job, options.now) })),
  };
}

/** A job as planning sees it, for per-target status on the job page. */
export async function getPlannedJob(jobId: string): Promise<PlannedJob | null> {
  await authorize("console:read");
  const row = await db.job.findUnique({ where: { jobId }, select: plannedJobSelect });
  return row && toPlannedJob(row);
}

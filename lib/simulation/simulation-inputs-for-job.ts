import type { InstructionRecord } from "../ins/record";
import { holdsInstruction, instructionRecordOf, type PlannedJob } from "../jobs/instructions";
import { instructionServerOf } from "../jobs/servers";
import type { ReviewComputer, ReviewContext, ReviewSite } from "../rules/context";
import { addDays, normaliseWallClock } from "../wall-clock";
import { DEFAULT_ASSUMPTIONS, type SimulatedClient, type SimulationAssumptions, type SimulationInput, type SimulationWindow } from "./simulation-input";

/** Used when a target's site is not in the console: the lowest interval Q166765 calls safe. */
export const FALLBACK_POLLING_INTERVAL_MINUTES = 20;
/** How long after the job's last date the default window runs on. */
export const WINDOW_MARGIN_DAYS = 2;

export interface JobSimulationOptions {
  /** The job's request ID, or the one it will get when sent. */
  requestId: string;
  window?: SimulationWindow;
  assumptions?: SimulationAssumptions;
}

/** From the review's `now` to two days after the job's last date: offer, mandatory and expiry all fall inside. */
export function defaultJobWindow(context: ReviewContext): SimulationWindow {
  const run = context.job.definition.runPhase;
  const from = normaliseWallClock(context.now);
  const dates = [from, run.offerAfter, run.isMandatory ? run.mandatoryAfter : undefined, run.isExpiring ? run.expireAfter : undefined];
  const latest = dates.filter((date): date is string => Boolean(date)).map(normaliseWallClock).sort().at(-1) ?? from;
  return { from, to: addDays(latest, WINDOW_MARGIN_DAYS) };
}

/** The job as instruction planning sees it once sent (lib/jobs/instructions.ts), so the records match what Send writes. */
function plannedJobOf(context: ReviewContext, requestId: string): PlannedJob {
  const { definition } = context.job;
  const run = definition.runPhase;
  const line = run.isEnabled ? context.commandLine : null;
  const packageId = context.package.packageId;
  return {
    jobId: context.job.jobId ?? "",
    jobType: definition.jobType,
    requestId,
    state: "ACTIVE",
    sentAt: null,
    package: { packageId, name: context.package.name, comments: context.package.comments },
    commandLine: line && {
      commandName: line.commandName,
      commandLine: line.commandLine,
      isAutomated: line.isAutomated,
      isSystemTask: line.isSystemTask,
      isUserInputRequired: line.isUserInputRequired,
      isSynchronousSystemExitRequired: line.isSynchronousSystemExitRequired,
      supportedPlatforms: line.supportedPlatforms,
    },
    offerAfter: run.offerAfter ? normaliseWallClock(run.offerAfter) : null,
    isMandatory: run.isMandatory,
    mandatoryAfter: run.mandatoryAfter ? normaliseWallClock(run.mandatoryAfter) : null,
    notMandatoryOverSlowLink: run.notMandatoryOverSlowLink,
    isExpiring: run.isExpiring,
    expireAfter: run.expireAfter ? normaliseWallClock(run.expireAfter) : null,
    servers: context.distributionServers.map((server) => instructionServerOf(server, packageId)),
  };
}

/** A review target as the simulator's client; facts the console does not hold take the simulator's defaults. */
export function simulatedClientOf(computer: ReviewComputer, sites: ReadonlyMap<string, ReviewSite>): SimulatedClient {
  const site = sites.get(computer.siteCode);
  return {
    smsId: computer.smsId,
    platform: computer.platform,
    pcmVariant: computer.pcmVariant,
    smsClientVersion: computer.smsClientVersion,
    smsClientServicePack: computer.smsClientServicePack,
    installedPcmHotfixes: computer.installedPcmHotfixes ?? [],
    isPcmServiceInstalled: computer.isPcmServiceInstalled,
    isPcmServiceRunning: computer.isPcmServiceRunning,
    isNtDomainMember: computer.ntDomain !== null,
    pollingIntervalMinutes: site?.pcmPollingIntervalMinutes ?? FALLBACK_POLLING_INTERVAL_MINUTES,
    clockOffsetSeconds: computer.clockOffsetSeconds ?? 0,
    logonServer: computer.logonServer ?? site?.name ?? computer.siteCode,
    ...(computer.isPcmwin32AutoStart === null ? {} : { isPcmwin32AutoStart: computer.isPcmwin32AutoStart }),
    ...(computer.hasInteractiveUsers === null ? {} : { hasInteractiveUsers: computer.hasInteractiveUsers }),
  };
}

/**
 * One simulation input per target of a reviewed job, as if the job were sent at the review's
 * `now`: the record Send would write (none when the run phase is off or the job has already expired,
 * as planInstructions leaves it out), the target's facts, and a window covering every job date.
 */
export function simulationInputsForJob(context: ReviewContext, options: JobSimulationOptions): SimulationInput[] {
  const job = plannedJobOf(context, options.requestId);
  const now = normaliseWallClock(context.now);
  const recordsBySite = new Map<string, InstructionRecord[]>();
  const recordsFor = (siteCode: string) => {
    let records = recordsBySite.get(siteCode);
    if (!records) {
      records = holdsInstruction(job, now) ? [instructionRecordOf(job, siteCode)] : [];
      recordsBySite.set(siteCode, records);
    }
    return records;
  };
  const window = options.window ?? defaultJobWindow(context);
  const assumptions = options.assumptions ?? DEFAULT_ASSUMPTIONS;
  return context.targets.map((computer) => ({ client: simulatedClientOf(computer, context.sites), records: recordsFor(computer.siteCode), history: [], window, assumptions }));
}

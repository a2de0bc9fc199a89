import "server-only";
import { db } from "../../db";
import type { JobInput } from "../../jobs/schema";
import type { ReviewContext } from "../../rules/context";
import { renderClientLogs } from "../../simulation/render-client-logs";
import { simulateClient, simulateClients } from "../../simulation/simulate-client";
import { defaultJobWindow, simulatedClientOf, simulationInputsForJob } from "../../simulation/simulation-inputs-for-job";
import type { ClientLog } from "../../simulation/log-writer";
import type { ClientSimulation } from "../../simulation/simulation-result";
import { DEFAULT_ASSUMPTIONS, type SimulationInput, type SimulationWindow } from "../../simulation/simulation-input";
import { summariseSimulations, type SimulationSummary } from "../../simulation/summarise-simulations";
import { nextRequestIdOf } from "../jobs/id-allocation";
import { asJobState, jobInputOf } from "../jobs/job-mapping";
import { getComputerInstructions } from "../instruction-box/instructions";
import { buildReviewContext, loadReviewComputers, loadReviewSites } from "./review-context";
import { authorize } from "../accounts/session";

/** What the admin wants to try before saving: other dates, or another polling interval. */
export interface WhatIf {
  offerAfter?: string;
  mandatoryAfter?: string;
  expireAfter?: string;
  pollingIntervalMinutes?: number;
}

export function hasWhatIf(whatIf: WhatIf): boolean {
  return Object.values(whatIf).some((value) => value !== undefined);
}

function applyWhatIf(context: ReviewContext, whatIf: WhatIf): ReviewContext {
  const definition: JobInput = structuredClone(context.job.definition);
  const run = definition.runPhase;
  if (whatIf.offerAfter) run.offerAfter = whatIf.offerAfter;
  if (whatIf.mandatoryAfter) Object.assign(run, { isMandatory: true, mandatoryAfter: whatIf.mandatoryAfter });
  if (whatIf.expireAfter) Object.assign(run, { isExpiring: true, expireAfter: whatIf.expireAfter });
  const sites =
    whatIf.pollingIntervalMinutes === undefined
      ? context.sites
      : new Map([...context.sites].map(([code, site]) => [code, { ...site, pcmPollingIntervalMinutes: whatIf.pollingIntervalMinutes! }]));
  return { ...context, job: { ...context.job, definition }, sites };
}

async function simulationContext(jobId: string, now: string, whatIf: WhatIf) {
  const job = await db.job.findUnique({ where: { jobId }, include: { site: { select: { code: true, nextRequestNumber: true } } } });
  if (!job) return null;
  const context = await buildReviewContext({ jobId, state: asJobState(job.state), definition: jobInputOf(job), now });
  if (!context) return null;
  // A pending job is simulated as if sent now, with the request ID Send would allocate next.
  const requestId = job.requestId ?? nextRequestIdOf(job.site);
  return { context: applyWhatIf(context, whatIf), requestId };
}

export interface JobSimulation {
  window: SimulationWindow;
  requestId: string;
  summary: SimulationSummary;
  simulations: ClientSimulation[];
}

/** What each target's PCM will do with the job (as saved, or with a what-if), from now to after its last date. */
export async function simulateJob(options: { jobId: string; now: string; whatIf?: WhatIf }): Promise<JobSimulation | null> {
  await authorize("console:read");
  const prepared = await simulationContext(options.jobId, options.now, options.whatIf ?? {});
  if (!prepared) return null;
  const window = defaultJobWindow(prepared.context);
  const inputs = simulationInputsForJob(prepared.context, { requestId: prepared.requestId, window });
  const simulations = simulateClients(inputs);
  return { window, requestId: prepared.requestId, summary: summariseSimulations(simulations), simulations };
}

export interface TargetSimulation {
  window: SimulationWindow;
  simulation: ClientSimulation;
  logs: ClientLog[];
  /** Every target of the job, by SMS ID: the page offers the others. */
  targetSmsIds?: string[];
}

/** One target's simulated events and its PCM logs, line for line. */
export async function simulateJobTarget(options: { jobId: string; smsId: string; now: string; whatIf?: WhatIf; window?: SimulationWindow }): Promise<TargetSimulation | null> {
  await authorize("console:read");
  const prepared = await simulationContext(options.jobId, options.now, options.whatIf ?? {});
  if (!prepared) return null;
  const target = prepared.context.targets.find((computer) => computer.smsId === options.smsId);
  if (!target) return null;
  const window = options.window ?? defaultJobWindow(prepared.context);
  const [input] = simulationInputsForJob({ ...prepared.context, targets: [target] }, { requestId: prepared.requestId, window });
  const simulation = simulateClient(input!);
  return { window, simulation, logs: renderClientLogs(input!, simulation), targetSmsIds: prepared.context.targets.map((computer) => computer.smsId) };
}

/**
 * A client with the instruction file it holds at the start of the window (every active job's
 * record, or no file when there is none), simulated over the window: `sms simulate --client` without --job.
 */
export async function simulateClientFile(options: { smsId: string; window: SimulationWindow }): Promise<TargetSimulation | null> {
  await authorize("console:read");
  const [computer] = await loadReviewComputers([options.smsId]);
  const instructions = await getComputerInstructions({ smsId: options.smsId, now: options.window.from });
  if (!computer || !instructions) return null;
  const input: SimulationInput = {
    client: simulatedClientOf(computer, await loadReviewSites()),
    // No record means no file: the console writes no .INS for such a client (GET /pcmins.box answers 404),
    // which PCM reports as "No instruction file." (Q160855), not as a file with no packages.
    fileVersions: [{ from: options.window.from, records: instructions.records.length > 0 ? instructions.records : null }],
    history: [],
    window: options.window,
    assumptions: DEFAULT_ASSUMPTIONS,
  };
  const simulation = simulateClient(input);
  return { window: options.window, simulation, logs: renderClientLogs(input, simulation) };
}

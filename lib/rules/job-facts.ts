import type { JobInput } from "../jobs/schema";
import type { Platform } from "../platforms";
import { normaliseWallClock } from "../wall-clock";
import type { ReviewCommandLine, ReviewComputer, ReviewContext, ReviewServer, ReviewSite } from "./context";

/**
 * Facts derived once per review so every rule reads the same answers and no rule recomputes them
 * per target. "Service job" = the chosen command line is flagged System (Background) Task (digest §4).
 */
export interface JobFacts {
  context: ReviewContext;
  definition: JobInput;
  commandLine: ReviewCommandLine | null;
  /** The command line's position in the package, for `commandLines.N.…` fix fields. */
  commandLineIndex: number;
  isServiceJob: boolean;
  /** The run phase is on and names a command line the package has. */
  hasRunPhase: boolean;
  /** Mandatory After is ticked (its date is R33's business). */
  isMandatory: boolean;
  isExpiring: boolean;
  /** Normalised run-phase dates, null when not in use. */
  offerAfter: string | null;
  mandatoryAfter: string | null;
  expireAfter: string | null;
  /** When the command is expected to run unattended: Mandatory After, or Offer After for an SP3 non-mandatory service job. */
  unattendedRunAt: string | null;
  supportedPlatforms: ReadonlySet<Platform>;
  jobSite: ReviewSite | null;
  /** Distinct site codes of the targets, in first-seen order. */
  targetSiteCodes: readonly string[];
  /** The job's site and the targets' sites that the console knows, without repeats. */
  involvedSites: readonly ReviewSite[];
  /** The targets' sites the console knows, or the job's site when there are no targets. */
  clientSites: readonly ReviewSite[];
  netwareDistributionServerCount: number;
}

/** NetWare by its .INS server type (5-7, Q123499) or by its file system. */
export function isNetwareServer(server: ReviewServer): boolean {
  return server.serverType >= 5 || server.fileSystem === "NETWARE";
}

export function logonServerOf(computer: ReviewComputer, context: ReviewContext): ReviewServer | null {
  return computer.logonServer === null ? null : (context.servers.get(computer.logonServer) ?? null);
}

export function buildJobFacts(context: ReviewContext): JobFacts {
  const definition = context.job.definition;
  const run = definition.runPhase;
  const commandLine = context.commandLine;
  const commandLineIndex = commandLine ? indexOfCommandLine(context, commandLine) : -1;
  const isServiceJob = commandLine?.isSystemTask ?? false;
  const isMandatory = run.isMandatory;
  const isExpiring = run.isExpiring;
  const offerAfter = run.offerAfter ? normaliseWallClock(run.offerAfter) : null;
  const mandatoryAfter = isMandatory && run.mandatoryAfter ? normaliseWallClock(run.mandatoryAfter) : null;
  const expireAfter = isExpiring && run.expireAfter ? normaliseWallClock(run.expireAfter) : null;

  const siteCodes = new Set<string>();
  for (const target of context.targets) siteCodes.add(target.siteCode);
  const targetSiteCodes = [...siteCodes];
  const jobSite = context.sites.get(definition.siteCode) ?? null;
  const known = (codes: Iterable<string>) => [...codes].flatMap((code) => context.sites.get(code) ?? []);
  const clientSites = targetSiteCodes.length > 0 ? known(targetSiteCodes) : jobSite ? [jobSite] : [];

  return {
    context,
    definition,
    commandLine,
    commandLineIndex,
    isServiceJob,
    hasRunPhase: run.isEnabled && commandLine !== null,
    isMandatory,
    isExpiring,
    offerAfter,
    mandatoryAfter,
    expireAfter,
    unattendedRunAt: isMandatory ? mandatoryAfter : isServiceJob ? offerAfter : null,
    supportedPlatforms: new Set(commandLine?.supportedPlatforms ?? []),
    jobSite,
    targetSiteCodes,
    involvedSites: known(new Set([definition.siteCode, ...targetSiteCodes])),
    clientSites,
    netwareDistributionServerCount: context.distributionServers.filter(isNetwareServer).length,
  };
}

function indexOfCommandLine(context: ReviewContext, commandLine: ReviewCommandLine): number {
  const lines = context.package.commandLines;
  const byId = lines.findIndex((line) => line.id === commandLine.id);
  return byId >= 0 ? byId : lines.findIndex((line) => line.commandName === commandLine.commandName);
}

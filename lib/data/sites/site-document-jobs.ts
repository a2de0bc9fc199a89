import "server-only";
import { db, type Transaction } from "../../db";
import type { DocumentJob } from "../../jobs/schema";
import type { SiteDocument } from "../../site-document/schema";
import { asJobState, jobDefinitionData, jobInputOf } from "../jobs/job-mapping";

/** Jobs for the site document: definitions with names instead of database IDs, plus frozen state. */
export async function exportJobs(): Promise<DocumentJob[]> {
  const jobs = await db.job.findMany({
    orderBy: { jobId: "asc" },
    include: {
      targetMachineGroup: { select: { name: true } },
      targetQuery: { select: { name: true } },
      serverGroup: { select: { name: true } },
      commandLine: { select: { commandName: true } },
      targets: { select: { smsId: true }, orderBy: { smsId: "asc" } },
      servers: { orderBy: { position: "asc" } },
      transitions: { orderBy: { id: "asc" } },
    },
  });
  return jobs.map((job) => {
    const { machineGroupId: _group, queryId: _query, ...target } = jobInputOf(job).target;
    const { serverGroupId: _serverGroup, ...distributePhase } = jobInputOf(job).distributePhase;
    const { commandLineId: _commandLine, ...runPhase } = jobInputOf(job).runPhase;
    const definition = jobInputOf(job);
    return {
      jobId: job.jobId,
      jobType: definition.jobType,
      packageId: definition.packageId,
      siteCode: definition.siteCode,
      comment: definition.comment,
      priority: definition.priority,
      schedule: definition.schedule,
      sendPhase: definition.sendPhase,
      state: asJobState(job.state),
      requestId: job.requestId ?? undefined,
      target: { ...target, machineGroup: job.targetMachineGroup?.name, query: job.targetQuery?.name },
      distributePhase: { ...distributePhase, serverGroup: job.serverGroup?.name },
      runPhase: { ...runPhase, commandName: job.commandLine?.commandName },
      frozenTargets: job.targets.map((entry) => entry.smsId),
      frozenServers: job.servers.map(({ serverName, path, serverType, zone }) => ({ serverName, path, serverType, zone })),
      history: job.transitions.map((transition) => ({
        fromState: transition.fromState ? asJobState(transition.fromState) : undefined,
        toState: asJobState(transition.toState),
        actor: transition.actor,
        at: transition.at.toISOString(),
        note: transition.note,
      })),
    };
  });
}

/** Creates or replaces each document job by its ID, with its frozen targets, servers and history. */
export async function importJobs(tx: Transaction, document: SiteDocument): Promise<void> {
  const groups = new Map((await tx.machineGroup.findMany({ select: { id: true, name: true } })).map((group) => [group.name, group.id]));
  const queries = new Map((await tx.inventoryQuery.findMany({ select: { id: true, name: true } })).map((query) => [query.name, query.id]));
  for (const job of document.jobs) {
    const commandLine = job.runPhase.commandName
      ? await tx.workstationCommandLine.findUnique({ where: { packageId_commandName: { packageId: job.packageId, commandName: job.runPhase.commandName } }, select: { id: true } })
      : null;
    const definition = jobDefinitionData({
      ...job,
      target: { ...job.target, machineGroupId: job.target.machineGroup ? groups.get(job.target.machineGroup) : undefined, queryId: job.target.query ? queries.get(job.target.query) : undefined },
      distributePhase: { ...job.distributePhase, serverGroupId: job.distributePhase.serverGroup ? groups.get(job.distributePhase.serverGroup) : undefined },
      runPhase: { ...job.runPhase, commandLineId: commandLine?.id },
    });
    const data = { ...definition, siteCode: job.siteCode, state: job.state, requestId: job.requestId ?? null };
    await tx.job.upsert({ where: { jobId: job.jobId }, create: { jobId: job.jobId, ...data }, update: { ...data, version: { increment: 1 } } });
    await tx.jobTarget.deleteMany({ where: { jobId: job.jobId } });
    for (let start = 0; start < job.frozenTargets.length; start += 1000) {
      await tx.jobTarget.createMany({ data: job.frozenTargets.slice(start, start + 1000).map((smsId) => ({ jobId: job.jobId, smsId })) });
    }
    await tx.jobServer.deleteMany({ where: { jobId: job.jobId } });
    await tx.jobServer.createMany({ data: job.frozenServers.map((server, position) => ({ jobId: job.jobId, position, ...server })) });
    await tx.jobTransition.deleteMany({ where: { jobId: job.jobId } });
    await tx.jobTransition.createMany({
      data: job.history.map((entry) => ({ jobId: job.jobId, fromState: entry.fromState ?? null, toState: entry.toState, actor: entry.actor, at: new Date(entry.at), note: entry.note })),
    });
  }
}

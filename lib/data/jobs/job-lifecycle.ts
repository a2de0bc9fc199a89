import "server-only";
import type { Actor } from "../../access/roles";
import { db, type Transaction } from "../../db";
import { DomainError } from "../../errors";
import { MAX_SERVERS_PER_RECORD } from "../../ins/record";
import { requireTransition, type JobTransitionName } from "../../jobs/lifecycle";
import type { ReviewAtSend } from "../../jobs/review-at-send";
import { isServerJobType, JOB_TYPE_LABELS, type JobInput } from "../../jobs/schema";
import { instructionServerOf, type DistributionServerFacts } from "../../jobs/servers";
import { repeatedRunDates, repeatedWallClock, type JobRepeat, type RepeatedRunDates } from "../../jobs/schedule";
import { resolveTargets } from "../../jobs/targets";
import { recordAudit } from "../audit/audit";
import { allocateId } from "./id-allocation";
import { asJobState, jobInputOf } from "./job-mapping";
import { countOf } from "../console/records";
import { authorize } from "../accounts/session";
import { loadTargetInventory } from "../review/target-inventory";

const serverFacts = { id: true, name: true, siteCode: true, packageShare: true, serverType: true, hasServicesForMacintosh: true, isDistributionServer: true } as const;
type ServerRow = DistributionServerFacts & { id: number; siteCode: string; isDistributionServer: boolean };

/**
 * The distribution servers a job's records list, resolved at Send as SMS did at activation
 * (Q121386): the specified servers (a server group, or "Default Servers": every distribution
 * server of the target sites), plus the servers already holding the package when the job
 * refreshes them or has no distribute phase of its own (Q140051).
 */
export async function resolveDistributionServers(tx: Transaction, definition: JobInput, targetSites: Set<string>): Promise<{ specified: ServerRow[]; all: ServerRow[] }> {
  const { distributePhase, packageId } = definition;
  let specified: ServerRow[] = [];
  if (distributePhase.putOnSpecifiedServers) {
    specified =
      distributePhase.serverGroupId !== undefined
        ? (await tx.machineGroupServer.findMany({ where: { machineGroupId: distributePhase.serverGroupId }, select: { server: { select: serverFacts } } })).map((entry) => entry.server)
        : await tx.server.findMany({ where: { isDistributionServer: true, siteCode: { in: [...targetSites] } }, select: serverFacts });
  }
  const usesExisting = distributePhase.refreshExistingServers || !distributePhase.putOnSpecifiedServers;
  const existing = usesExisting ? (await tx.packageServer.findMany({ where: { packageId }, select: { server: { select: serverFacts } } })).map((entry) => entry.server) : [];
  const byName = new Map<string, ServerRow>();
  for (const server of [...specified, ...existing].sort((a, b) => a.name.localeCompare(b.name))) byName.set(server.name, server);
  return { specified, all: [...byName.values()] };
}

/**
 * Activation, the second half of Send: resolve and freeze the targets and servers, allocate the
 * request ID, go Active. Only job-review.ts sendJob calls it, after the requirement review.
 */
export async function activateJob(options: { jobId: string; expectedVersion?: number; now?: string; reviewAtSend?: (actor: Actor) => ReviewAtSend }): Promise<{ targetCount: number; serverCount: number; requestId: string; nextOccurrenceJobId: string | null }> {
  const actor = await authorize("jobs:write", { type: "job", id: options.jobId });
  const { jobId } = options;
  return db.$transaction(
    async (tx) => {
      const job = await tx.job.findUnique({ where: { jobId } });
      if (!job) throw new DomainError("not_found", `Job ${jobId} does not exist`);
      const toState = requireTransition("send", asJobState(job.state), jobId);
      // The definition sent must be the one reviewed: an edit in between is a conflict.
      if (options.expectedVersion !== undefined && job.version !== options.expectedVersion) {
        throw new DomainError("conflict", `Job ${jobId} was changed after its review; review it again before sending`);
      }
      const definition = jobInputOf(job);
      if (isServerJobType(definition.jobType)) return activateServerJob(tx, { job, definition, toState, actor, now: options.now, reviewAtSend: options.reviewAtSend });
      const inventory = await loadTargetInventory(tx);
      const { smsIds, unknownSmsIds } = resolveTargets(definition.target, inventory);
      if (unknownSmsIds.length > 0) {
        throw new DomainError("invalid", `The target names computers that are not in inventory: ${unknownSmsIds.join(", ")}`, [{ path: "target.smsIds", message: `Not in inventory: ${unknownSmsIds.join(", ")}` }]);
      }
      if (smsIds.length === 0) {
        throw new DomainError("invalid", "The job target resolves to no computer; SMS would fail the job with event 323", [{ path: "target.kind", message: "The target resolves to no computer" }]);
      }
      const siteOf = new Map(inventory.computers.map((computer) => [computer.smsId, computer.siteCode]));
      const targetSites = new Set(smsIds.map((smsId) => siteOf.get(smsId) as string));
      const servers = await resolveDistributionServers(tx, definition, targetSites);
      if (servers.all.length > MAX_SERVERS_PER_RECORD) {
        throw new DomainError("invalid", `The job would list ${servers.all.length} distribution servers; an instruction record holds at most ${MAX_SERVERS_PER_RECORD}. Choose a smaller server group.`, [
          { path: "distributePhase.serverGroupId", message: `At most ${MAX_SERVERS_PER_RECORD} distribution servers per job` },
        ]);
      }
      // Request IDs: site code + 4 base-36 characters (BPC001M), one per sent job, never reused.
      const requestId = await allocateId(tx, { siteCode: job.siteCode, kind: "request", isTaken: async (id) => (await tx.job.count({ where: { requestId: id } })) > 0 });

      const activated = await tx.job.updateMany({ where: { jobId, state: "PENDING", version: job.version }, data: { state: toState, requestId, version: { increment: 1 }, reviewAtSend: options.reviewAtSend ? JSON.stringify(options.reviewAtSend(actor)) : null } });
      if (activated.count === 0) throw new DomainError("conflict", `Job ${jobId} was changed by someone else; reload it`);
      for (let start = 0; start < smsIds.length; start += 1000) {
        await tx.jobTarget.createMany({ data: smsIds.slice(start, start + 1000).map((smsId) => ({ jobId, smsId })) });
      }
      await tx.jobServer.createMany({
        data: servers.all.map((server, position) => ({ jobId, position, serverName: server.name, ...instructionServerOfRow(server, job.packageId) })),
      });
      for (const server of servers.specified) {
        await tx.packageServer.upsert({ where: { packageId_serverId: { packageId: job.packageId, serverId: server.id } }, create: { packageId: job.packageId, serverId: server.id }, update: {} });
      }
      const nextOccurrenceJobId = await createNextOccurrence(tx, job, actor.name, options.now);
      const note = `Request ${requestId}; ${countOf(smsIds.length, "target")}; ${countOf(servers.all.length, "distribution server")}${nextOccurrenceJobId ? `; repeats as job ${nextOccurrenceJobId}` : ""}`;
      await tx.jobTransition.create({ data: { jobId, fromState: job.state, toState, actor: actor.name, note } });
      await recordAudit(tx, {
        actor,
        action: "job.send",
        objectType: "job",
        objectId: jobId,
        before: { state: job.state, version: job.version, requestId: job.requestId },
        after: { state: toState, version: job.version + 1, requestId, targetCount: smsIds.length, distributionServers: servers.all.map((server) => server.name) },
        detail: note,
      });
      return { targetCount: smsIds.length, serverCount: servers.all.length, requestId, nextOccurrenceJobId };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

type JobRow = NonNullable<Awaited<ReturnType<Transaction["job"]["findUnique"]>>>;

/** The servers a Share or Remove job names: its server group's servers, or servers by name. */
export async function resolveServerTargets(tx: Transaction, definition: JobInput): Promise<ServerRow[]> {
  const { target } = definition;
  const rows =
    target.kind === "SERVER_GROUP"
      ? (await tx.machineGroupServer.findMany({ where: { machineGroupId: target.machineGroupId ?? -1 }, select: { server: { select: serverFacts } } })).map((entry) => entry.server)
      : await tx.server.findMany({ where: { name: { in: target.kind === "SERVERS" ? target.serverNames : [] } }, select: serverFacts });
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Send of a Share Package On Server or Remove Package From Server job: Send and Distribute phases
 * only. It freezes its servers and records which of them hold the package; it writes no target
 * list and no instruction record, so no client's instruction file changes.
 */
async function activateServerJob(
  tx: Transaction,
  options: { job: JobRow; definition: JobInput; toState: string; actor: Actor; now: string | undefined; reviewAtSend: ((actor: Actor) => ReviewAtSend) | undefined },
): Promise<{ targetCount: number; serverCount: number; requestId: string; nextOccurrenceJobId: string | null }> {
  const { job, definition, toState, actor } = options;
  const jobId = job.jobId;
  const servers = await resolveServerTargets(tx, definition);
  if (definition.target.kind === "SERVERS") {
    const found = new Set(servers.map((server) => server.name));
    const missing = definition.target.serverNames.filter((name) => !found.has(name));
    if (missing.length > 0) throw new DomainError("invalid", `The target names servers that do not exist: ${missing.join(", ")}`, [{ path: "target.serverNames", message: `No such server: ${missing.join(", ")}` }]);
  }
  if (servers.length === 0) {
    throw new DomainError("invalid", "The job target resolves to no server; SMS would fail the job with event 323", [{ path: "target.kind", message: "The target resolves to no server" }]);
  }
  const requestId = await allocateId(tx, { siteCode: job.siteCode, kind: "request", isTaken: async (id) => (await tx.job.count({ where: { requestId: id } })) > 0 });
  const activated = await tx.job.updateMany({ where: { jobId, state: "PENDING", version: job.version }, data: { state: toState, requestId, version: { increment: 1 }, reviewAtSend: options.reviewAtSend ? JSON.stringify(options.reviewAtSend(actor)) : null } });
  if (activated.count === 0) throw new DomainError("conflict", `Job ${jobId} was changed by someone else; reload it`);
  await tx.jobServer.createMany({ data: servers.map((server, position) => ({ jobId, position, serverName: server.name, ...instructionServerOfRow(server, job.packageId) })) });
  const isShare = definition.jobType === "SHARE_PACKAGE_ON_SERVER";
  if (isShare) {
    for (const server of servers) {
      await tx.packageServer.upsert({ where: { packageId_serverId: { packageId: job.packageId, serverId: server.id } }, create: { packageId: job.packageId, serverId: server.id }, update: {} });
    }
  } else {
    await tx.packageServer.deleteMany({ where: { packageId: job.packageId, serverId: { in: servers.map((server) => server.id) } } });
  }
  const nextOccurrenceJobId = await createNextOccurrence(tx, job, actor.name, options.now);
  const note = `Request ${requestId}; ${JOB_TYPE_LABELS[definition.jobType]}: package ${isShare ? "shared on" : "removed from"} ${countOf(servers.length, "server")}${nextOccurrenceJobId ? `; repeats as job ${nextOccurrenceJobId}` : ""}`;
  await tx.jobTransition.create({ data: { jobId, fromState: job.state, toState, actor: actor.name, note } });
  await recordAudit(tx, {
    actor,
    action: "job.send",
    objectType: "job",
    objectId: jobId,
    before: { state: job.state, version: job.version, requestId: job.requestId },
    after: { state: toState, version: job.version + 1, requestId, jobType: definition.jobType, targetCount: 0, servers: servers.map((server) => server.name) },
    detail: note,
  });
  return { targetCount: 0, serverCount: servers.length, requestId, nextOccurrenceJobId };
}

/**
 * A repeating job's next occurrence, created in the transaction that activates this one so it is
 * created once: a Pending copy due one repeat later (the first such time after `now`, when the
 * console was down), its run dates moved as the site's SMS version moved them (Q141192), and its
 * warning acknowledgements carried over, since the definition they were given for is the same.
 */
async function createNextOccurrence(tx: Transaction, job: JobRow, actorName: string, now: string | undefined): Promise<string | null> {
  if (job.repeat === "NEVER" || !job.activateAt) return null;
  const repeat = job.repeat as Exclude<JobRepeat, "NEVER">;
  let activateAt = repeatedWallClock(job.activateAt, repeat);
  let skipped = 0;
  for (; now !== undefined && activateAt <= now && skipped < 10_000; skipped += 1) activateAt = repeatedWallClock(activateAt, repeat);
  const site = await tx.site.findUniqueOrThrow({ where: { code: job.siteCode }, select: { smsVersion: true } });
  let dates: RepeatedRunDates = { offerAfter: job.offerAfter ?? undefined, mandatoryAfter: job.mandatoryAfter ?? undefined, expireAfter: job.expireAfter ?? undefined };
  for (let step = 0; step <= skipped; step += 1) dates = repeatedRunDates(dates, repeat, site.smsVersion);
  const nextJobId = await allocateId(tx, { siteCode: job.siteCode, kind: "job", isTaken: async (id) => (await tx.job.count({ where: { jobId: id } })) > 0 });
  const { jobId: _jobId, requestId: _requestId, state: _state, version: _version, createdAt: _created, updatedAt: _updated, activationProblem: _problem, repeatOfJobId: _repeatOf, ...definition } = job;
  await tx.job.create({
    data: { ...definition, jobId: nextJobId, state: "PENDING", activateAt, offerAfter: dates.offerAfter ?? null, mandatoryAfter: dates.mandatoryAfter ?? null, expireAfter: dates.expireAfter ?? null, repeatOfJobId: job.jobId },
  });
  await tx.jobTransition.create({ data: { jobId: nextJobId, fromState: null, toState: "PENDING", actor: actorName, note: `Repeats job ${job.jobId} (${repeat.toLowerCase()})` } });
  const acknowledgements = await tx.warningAcknowledgement.findMany({ where: { jobId: job.jobId }, select: { rule: true, reason: true, actor: true } });
  await tx.warningAcknowledgement.createMany({ data: acknowledgements.map((entry) => ({ ...entry, jobId: nextJobId, reason: `${entry.reason} (carried over from job ${job.jobId})`.slice(0, 500) })) });
  return nextJobId;
}

export function instructionServerOfRow(server: ServerRow, packageId: string) {
  const { path, type, zone } = instructionServerOf(server, packageId);
  return { path, serverType: type, zone };
}

/**
 * Cancel, complete or fail a job. Canceling removes the job's record from every target's
 * instruction file, because files are generated from Active jobs only (Q188042).
 */
const STATE_CHANGES: readonly string[] = ["cancel", "complete", "fail"];

export async function changeJobState(options: { jobId: string; transition: Exclude<JobTransitionName, "send">; note?: string }): Promise<void> {
  const actor = await authorize("jobs:write", { type: "job", id: options.jobId });
  const { jobId, transition } = options;
  // Send goes through the review (job-review.ts); nothing else may make a job Active.
  if (!STATE_CHANGES.includes(transition)) throw new DomainError("invalid", `"${String(transition)}" is not a change a job can be given here; use cancel, complete or fail`);
  const note = options.note?.trim() ?? "";
  // A canceled job disappears from every instruction file; its History must say why.
  if (transition === "cancel" && note.length < 3) {
    throw new DomainError("invalid", "Say why the job is canceled", [{ path: "note", message: "Reason for canceling is required (at least 3 characters)" }]);
  }
  await db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { jobId }, select: { state: true, version: true } });
    if (!job) throw new DomainError("not_found", `Job ${jobId} does not exist`);
    const toState = requireTransition(transition, asJobState(job.state), jobId);
    // Status MIFs complete a job (status-reports/reading.ts); marking one by hand overrides them, so it says why.
    if (transition !== "cancel" && note === "") throw new DomainError("invalid", `A reason is required to mark job ${jobId} ${transition === "complete" ? "complete" : "failed"} by hand: its status comes from the targets' status MIFs`, [{ path: "note", message: "Reason is required" }]);
    const changed = await tx.job.updateMany({ where: { jobId, state: job.state }, data: { state: toState, version: { increment: 1 } } });
    if (changed.count === 0) throw new DomainError("conflict", `Job ${jobId} was changed by someone else; reload it`);
    await tx.jobTransition.create({ data: { jobId, fromState: job.state, toState, actor: actor.name, note } });
    await recordAudit(tx, { actor, action: `job.${transition}`, objectType: "job", objectId: jobId, before: job, after: { state: toState, version: job.version + 1 }, detail: note || undefined });
  });
}

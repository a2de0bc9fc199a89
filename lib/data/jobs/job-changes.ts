import "server-only";
import { db, type Transaction } from "../../db";
import { DomainError, type FieldIssue } from "../../errors";
import { formatFieldChanges, jobRowChanges } from "../../jobs/field-changes";
import { requireDeletable, requireEditable } from "../../jobs/lifecycle";
import type { JobInput } from "../../jobs/schema";
import { recordAudit } from "../audit/audit";
import { allocateId } from "./id-allocation";
import { asJobState, jobDefinitionData } from "./job-mapping";
import { requireUpdated } from "../console/records";
import { authorize } from "../accounts/session";

/** A job as the audit trail records it: every column but the timestamps. */
export const auditedJobOmit = { createdAt: true, updatedAt: true } as const;

/** Checks every reference a job definition makes, reporting each against its form field. */
async function referenceIssues(tx: Transaction, input: JobInput): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const [site, pkg] = await Promise.all([
    tx.site.findUnique({ where: { code: input.siteCode }, select: { code: true } }),
    tx.package.findUnique({ where: { packageId: input.packageId }, select: { shareName: true, commandLines: { select: { id: true } } } }),
  ]);
  if (!site) issues.push({ path: "siteCode", message: `Site ${input.siteCode} does not exist` });
  if (!pkg) issues.push({ path: "packageId", message: `Package ${input.packageId} does not exist` });
  const { runPhase, target, distributePhase } = input;
  if (pkg && runPhase.isEnabled && runPhase.commandLineId !== undefined && !pkg.commandLines.some((line) => line.id === runPhase.commandLineId)) {
    issues.push({ path: "runPhase.commandLineId", message: `That command line is not one of package ${input.packageId}'s` });
  }
  // Share Package On Server shares what the package's Sharing set describes (Q185342).
  if (pkg && input.jobType === "SHARE_PACKAGE_ON_SERVER" && pkg.shareName === null) {
    issues.push({ path: "jobType", message: `Package ${input.packageId} is not set up for sharing; give it a Sharing set (share name) first` });
  }
  if (target.kind === "SERVER_GROUP" && target.machineGroupId !== undefined) {
    const group = await tx.machineGroup.findUnique({ where: { id: target.machineGroupId }, select: { _count: { select: { servers: true } } } });
    if (!group) issues.push({ path: "target.machineGroupId", message: "That server group no longer exists" });
    else if (group._count.servers === 0) issues.push({ path: "target.machineGroupId", message: "That machine group holds no servers" });
  }
  if (target.kind === "SERVERS" && target.serverNames.length > 0) {
    const known = new Set((await tx.server.findMany({ where: { name: { in: target.serverNames } }, select: { name: true } })).map((server) => server.name));
    const unknown = target.serverNames.filter((name) => !known.has(name));
    if (unknown.length > 0) issues.push({ path: "target.serverNames", message: `No such server: ${unknown.join(", ")}` });
  }
  if (target.kind === "QUERY" && target.queryId !== undefined && !(await tx.inventoryQuery.findUnique({ where: { id: target.queryId }, select: { id: true } }))) {
    issues.push({ path: "target.queryId", message: "That query no longer exists" });
  }
  if (target.kind === "MACHINE_GROUP" && target.machineGroupId !== undefined && !(await tx.machineGroup.findUnique({ where: { id: target.machineGroupId }, select: { id: true } }))) {
    issues.push({ path: "target.machineGroupId", message: "That machine group no longer exists" });
  }
  if (target.limitToSiteCode && !(await tx.site.findUnique({ where: { code: target.limitToSiteCode }, select: { code: true } }))) {
    issues.push({ path: "target.limitToSiteCode", message: `Site ${target.limitToSiteCode} does not exist` });
  }
  if (distributePhase.putOnSpecifiedServers && distributePhase.serverGroupId !== undefined) {
    const group = await tx.machineGroup.findUnique({ where: { id: distributePhase.serverGroupId }, select: { _count: { select: { servers: true } } } });
    if (!group) issues.push({ path: "distributePhase.serverGroupId", message: "That server group no longer exists" });
    else if (group._count.servers === 0) issues.push({ path: "distributePhase.serverGroupId", message: "That machine group holds no servers" });
  }
  return issues;
}

async function requireValidReferences(tx: Transaction, input: JobInput) {
  const issues = await referenceIssues(tx, input);
  if (issues.length > 0) throw new DomainError("invalid", "The job refers to records that do not exist", issues);
}

export async function createJob(options: { input: JobInput }): Promise<string> {
  const actor = await authorize("jobs:write", { type: "job" });
  const { input } = options;
  return db.$transaction(async (tx) => {
    await requireValidReferences(tx, input);
    // Job IDs are allocated by the originating site and never reused (Q123221: 8 characters).
    const jobId = await allocateId(tx, { siteCode: input.siteCode, kind: "job", isTaken: async (id) => (await tx.job.count({ where: { jobId: id } })) > 0 });
    const after = await tx.job.create({ data: { jobId, siteCode: input.siteCode, ...jobDefinitionData(input), state: "PENDING" }, omit: auditedJobOmit });
    await tx.jobTransition.create({ data: { jobId, fromState: null, toState: "PENDING", actor: actor.name, note: "Created" } });
    await recordAudit(tx, { actor, action: "job.create", objectType: "job", objectId: jobId, before: null, after });
    return jobId;
  });
}

/**
 * Saves an edited Pending job. The audit row names each changed field; `appliedFix` marks the edit
 * as a requirement finding's one-field fix, so the job's History says which rule asked for it.
 */
export async function updateJob(options: { jobId: string; version: number; input: JobInput; appliedFix?: { rule: string } }): Promise<void> {
  const actor = await authorize("jobs:write", { type: "job", id: options.jobId });
  const { jobId, version, input } = options;
  await db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { jobId }, omit: auditedJobOmit });
    if (!job) throw new DomainError("not_found", `Job ${jobId} does not exist`);
    requireEditable(asJobState(job.state), jobId);
    if (input.siteCode !== job.siteCode) {
      throw new DomainError("invalid", "A job stays with the site that allocated its ID", [{ path: "siteCode", message: `Job ${jobId} belongs to site ${job.siteCode}` }]);
    }
    await requireValidReferences(tx, input);
    const updated = await tx.job.updateMany({ where: { jobId, version, state: "PENDING" }, data: { ...jobDefinitionData(input), activationProblem: null, version: { increment: 1 } } });
    await requireUpdated(updated.count, async () => (await tx.job.count({ where: { jobId } })) > 0, `Job ${jobId}`);
    // An acknowledgement was given for the job as it was; an edited job is reviewed afresh.
    const dropped = await tx.warningAcknowledgement.deleteMany({ where: { jobId } });
    const after = await tx.job.findUniqueOrThrow({ where: { jobId }, omit: auditedJobOmit });
    const changes = formatFieldChanges(jobRowChanges(job, after)) || "No field changed";
    const withdrawn = dropped.count > 0 ? `${dropped.count} warning acknowledgement${dropped.count === 1 ? "" : "s"} withdrawn: the edited job is reviewed afresh` : "";
    const detail = [options.appliedFix ? `${options.appliedFix.rule}'s fix: ${changes}` : changes, withdrawn].filter(Boolean).join(". ");
    await recordAudit(tx, { actor, action: options.appliedFix ? "job.apply-fix" : "job.update", objectType: "job", objectId: jobId, before: job, after, detail });
  });
}

export async function deleteJob(options: { jobId: string }): Promise<void> {
  const actor = await authorize("jobs:write", { type: "job", id: options.jobId });
  await db.$transaction(async (tx) => {
    const job = await tx.job.findUnique({ where: { jobId: options.jobId }, omit: auditedJobOmit });
    if (!job) throw new DomainError("not_found", `Job ${options.jobId} does not exist`);
    requireDeletable(asJobState(job.state), options.jobId);
    const deleted = await tx.job.deleteMany({ where: { jobId: options.jobId, state: { not: "ACTIVE" } } });
    if (deleted.count === 0) throw new DomainError("conflict", `Job ${options.jobId} was sent meanwhile; cancel it before deleting it`);
    await recordAudit(tx, { actor, action: "job.delete", objectType: "job", objectId: options.jobId, before: job, after: null });
  });
}

import "server-only";
import { cache } from "react";
import { db, type Transaction } from "../../db";
import { DomainError, type FieldIssue } from "../../errors";
import type { MachineGroupInput } from "../../machine-groups/schema";
import { evaluateQuery } from "../../queries/evaluate";
import { recordAudit } from "../audit/audit";
import { loadQueryComputers, parseStoredConditions } from "./queries";
import { countOf, listSome, PAGE_SIZE, pageWindow, refuseWhileInUse, refusingRaces, requireUpdated, toPage, type Page } from "../console/records";
import { authorize } from "../accounts/session";

export interface MachineGroupSummary {
  id: number;
  name: string;
  comment: string;
  memberCount: number;
  serverCount: number;
  /** A dynamic group's query; its members are the query's result. */
  queryName: string | null;
}

export interface MachineGroupDetail {
  id: number;
  name: string;
  comment: string;
  version: number;
  /** Every member's SMS ID, for the edit form (none for a dynamic group). */
  memberIds: string[];
  queryName: string | null;
  servers: string[];
}

export type MachineGroupMemberDto = { smsId: string; name: string; platform: string; siteCode: string };

export async function listMachineGroups(): Promise<MachineGroupSummary[]> {
  await authorize("console:read");
  const rows = await db.machineGroup.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, comment: true, query: { select: { conditions: true, name: true } }, _count: { select: { members: true, servers: true } } },
  });
  const computers = rows.some((row) => row.query) ? await loadQueryComputers(db) : [];
  return rows.map(({ _count, query, ...row }) => {
    // Parsed once per group, not once per computer.
    const conditions = query ? parseStoredConditions(query.conditions) : null;
    return {
      ...row,
      memberCount: conditions ? computers.filter((computer) => evaluateQuery({ conditions }, computer)).length : _count.members,
      serverCount: _count.servers,
      queryName: query?.name ?? null,
    };
  });
}

export const getMachineGroup = cache(async (id: number): Promise<MachineGroupDetail | null> => {
  await authorize("console:read");
  const row = await db.machineGroup.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      comment: true,
      version: true,
      members: { select: { smsId: true }, orderBy: { smsId: "asc" } },
      servers: { select: { server: { select: { name: true } } } },
      query: { select: { name: true } },
    },
  });
  if (!row) return null;
  const { members, servers, query, ...group } = row;
  return { ...group, memberIds: members.map((member) => member.smsId), servers: servers.map((entry) => entry.server.name).sort(), queryName: query?.name ?? null };
});

/** A page of a group's member computers: groups can hold a whole site's inventory. */
export async function listMachineGroupMembers(options: { id: number; page: number }): Promise<Page<MachineGroupMemberDto>> {
  await authorize("console:read");
  const group = await db.machineGroup.findUnique({ where: { id: options.id }, select: { query: { select: { conditions: true } } } });
  if (group?.query) {
    const conditions = parseStoredConditions(group.query.conditions);
    const matching = (await loadQueryComputers(db)).filter((computer) => evaluateQuery({ conditions }, computer));
    const start = (options.page - 1) * PAGE_SIZE;
    return toPage(matching.slice(start, start + PAGE_SIZE).map(({ smsId, name, platform, siteCode }) => ({ smsId, name, platform, siteCode })), matching.length, options.page);
  }
  const where = { machineGroupId: options.id };
  const [rows, total] = await Promise.all([
    db.machineGroupMember.findMany({ where, orderBy: { smsId: "asc" }, ...pageWindow(options.page), select: { computer: { select: { smsId: true, name: true, platform: true, siteCode: true } } } }),
    db.machineGroupMember.count({ where }),
  ]);
  return toPage(rows.map((row) => row.computer), total, options.page);
}

/** Resolves member SMS IDs and server names, reporting every unknown one against its list position. */
async function resolveMembers(tx: Transaction, input: MachineGroupInput) {
  const computers = await tx.computer.findMany({ where: { smsId: { in: input.members } }, select: { smsId: true } });
  const servers = await tx.server.findMany({ where: { name: { in: input.servers } }, select: { id: true, name: true } });
  const query = input.query === undefined ? null : await tx.inventoryQuery.findUnique({ where: { name: input.query }, select: { id: true } });
  const knownComputers = new Set(computers.map((computer) => computer.smsId));
  const serverIds = new Map(servers.map((server) => [server.name, server.id]));
  const issues: FieldIssue[] = [
    ...input.members.flatMap((smsId, index) => (knownComputers.has(smsId) ? [] : [{ path: `members.${index}`, message: `Computer ${smsId} is not in inventory` }])),
    ...input.servers.flatMap((name, index) => (serverIds.has(name) ? [] : [{ path: `servers.${index}`, message: `Server ${name} does not exist` }])),
    ...(input.query !== undefined && !query ? [{ path: "query", message: `Query ${input.query} does not exist` }] : []),
  ];
  if (issues.length > 0) throw new DomainError("invalid", "Some members do not exist", issues);
  return { smsIds: input.members, serverIds: input.servers.map((name) => serverIds.get(name) as number), queryId: query?.id ?? null };
}

async function requireUniqueName(tx: Transaction, name: string, exceptId?: number) {
  const clash = await tx.machineGroup.findUnique({ where: { name }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw new DomainError("invalid", `Machine group ${name} already exists`, [{ path: "name", message: `Machine group ${name} already exists` }]);
}

const AUDITED_MEMBERS_LIMIT = 1000;

/** A group as the audit trail records it: name, comment, version, member SMS IDs and server names. */
async function auditedGroup(tx: Transaction, id: number) {
  const row = await tx.machineGroup.findUnique({
    where: { id },
    select: { id: true, name: true, comment: true, version: true, query: { select: { name: true } }, members: { select: { smsId: true }, orderBy: { smsId: "asc" } }, servers: { select: { server: { select: { name: true } } } } },
  });
  if (!row) return null;
  const members = row.members.map((member) => member.smsId);
  // A group can hold a whole site's inventory; past a thousand members the trail keeps the count.
  return { ...row, query: row.query?.name ?? null, memberCount: members.length, members: members.length <= AUDITED_MEMBERS_LIMIT ? members : undefined, servers: row.servers.map((entry) => entry.server.name).sort() };
}

export async function createMachineGroup(options: { input: MachineGroupInput }): Promise<number> {
  const actor = await authorize("sites:write", { type: "machine-group", id: options.input.name });
  const { input } = options;
  const duplicate = new DomainError("invalid", `Machine group ${input.name} already exists`, [{ path: "name", message: `Machine group ${input.name} already exists` }]);
  return refusingRaces(() => db.$transaction(async (tx) => {
    await requireUniqueName(tx, input.name);
    const { smsIds, serverIds, queryId } = await resolveMembers(tx, input);
    const group = await tx.machineGroup.create({
      data: {
        name: input.name,
        comment: input.comment,
        queryId,
        members: { create: smsIds.map((smsId) => ({ smsId })) },
        servers: { create: serverIds.map((serverId) => ({ serverId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, { actor, action: "machine-group.create", objectType: "machine-group", objectId: String(group.id), before: null, after: await auditedGroup(tx, group.id) });
    return group.id;
  }), { duplicate });
}

export async function updateMachineGroup(options: { id: number; version: number; input: MachineGroupInput }): Promise<void> {
  const actor = await authorize("sites:write", { type: "machine-group", id: String(options.id) });
  const { id, version, input } = options;
  const duplicate = new DomainError("invalid", `Machine group ${input.name} already exists`, [{ path: "name", message: `Machine group ${input.name} already exists` }]);
  await refusingRaces(() => db.$transaction(async (tx) => {
    await requireUniqueName(tx, input.name, id);
    const { smsIds, serverIds, queryId } = await resolveMembers(tx, input);
    const before = await auditedGroup(tx, id);
    const updated = await tx.machineGroup.updateMany({ where: { id, version }, data: { name: input.name, comment: input.comment, queryId, version: { increment: 1 } } });
    await requireUpdated(updated.count, async () => before !== null, `Machine group ${input.name}`);
    await tx.machineGroupMember.deleteMany({ where: { machineGroupId: id } });
    await tx.machineGroupMember.createMany({ data: smsIds.map((smsId) => ({ machineGroupId: id, smsId })) });
    await tx.machineGroupServer.deleteMany({ where: { machineGroupId: id } });
    await tx.machineGroupServer.createMany({ data: serverIds.map((serverId) => ({ machineGroupId: id, serverId })) });
    await recordAudit(tx, { actor, action: "machine-group.update", objectType: "machine-group", objectId: String(id), before, after: await auditedGroup(tx, id) });
  }), { duplicate });
}

export async function deleteMachineGroup(options: { id: number }): Promise<void> {
  const actor = await authorize("sites:write", { type: "machine-group", id: String(options.id) });
  await db.$transaction(async (tx) => {
    const group = await tx.machineGroup.findUnique({
      where: { id: options.id },
      select: { name: true, targetOfJobs: { select: { jobId: true } }, serverGroupOfJobs: { select: { jobId: true } } },
    });
    if (!group) throw new DomainError("not_found", "Machine group does not exist");
    const jobIds = [...new Set([...group.targetOfJobs, ...group.serverGroupOfJobs].map((job) => job.jobId))].sort();
    refuseWhileInUse(`Machine group ${group.name}`, jobIds.length ? [`${countOf(jobIds.length, "job")} (${listSome(jobIds)})`] : []);
    const before = await auditedGroup(tx, options.id);
    await refusingRaces(() => tx.machineGroup.delete({ where: { id: options.id } }), { duplicate: new DomainError("conflict", "The machine group changed meanwhile"), inUse: new DomainError("in_use", `Machine group ${group.name} cannot be deleted: a job started using it meanwhile`) });
    await recordAudit(tx, { actor, action: "machine-group.delete", objectType: "machine-group", objectId: String(options.id), before, after: null });
  });
}

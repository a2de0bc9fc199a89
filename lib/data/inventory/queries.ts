import "server-only";
import { cache } from "react";
import { db, type Transaction } from "../../db";
import { DomainError } from "../../errors";
import { describeQuery, evaluateQuery, type QueryComputer } from "../../queries/evaluate";
import { queryConditionsSchema, type QueryCondition, type QueryInput } from "../../queries/schema";
import type { Platform } from "../../platforms";
import { recordAudit } from "../audit/audit";
import { countOf, listSome, refuseWhileInUse, refusingRaces, requireUpdated, toPage, PAGE_SIZE, type Page } from "../console/records";
import { authorize } from "../accounts/session";

export interface QuerySummary {
  id: number;
  name: string;
  comment: string;
  /** The conditions in words. */
  description: string;
}

export interface QueryDetail extends QuerySummary {
  version: number;
  conditions: QueryCondition[];
  /** Jobs that target the query and machine groups whose members it is. */
  jobIds: string[];
  machineGroups: { id: number; name: string }[];
}

export type QueryResultRow = { smsId: string; name: string; siteCode: string; platform: string };

export interface QueryPreview {
  total: number;
  /** The first matching computers, in SMS ID order. */
  computers: QueryResultRow[];
}

/** Stored conditions are written only from a parsed QueryInput; anything else is a damaged row. */
export function parseStoredConditions(stored: string): QueryCondition[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    parsed = null;
  }
  const result = queryConditionsSchema.safeParse(parsed);
  if (!result.success) throw new Error(`A stored query's conditions are damaged: ${result.error.issues[0]?.message}`);
  return result.data;
}

/** Every computer as queries see it, in SMS ID order (10,000 computers are read in a few ms). */
export async function loadQueryComputers(tx: Transaction): Promise<QueryComputer[]> {
  const rows = await tx.computer.findMany({
    orderBy: { smsId: "asc" },
    select: {
      smsId: true,
      name: true,
      siteCode: true,
      platform: true,
      osVersion: true,
      ntDomain: true,
      pcmVariant: true,
      isPcmServiceInstalled: true,
      isPcmServiceRunning: true,
      pcmServiceStartType: true,
      pcmServiceFileDate: true,
      smsClientVersion: true,
      smsClientServicePack: true,
      networkLink: true,
      lastInventoryAt: true,
      logonServer: { select: { name: true } },
    },
  });
  return rows.map(({ logonServer, ...row }) => ({ ...row, platform: row.platform as Platform, logonServer: logonServer?.name ?? null }));
}

/** Every saved query's conditions by ID, for target resolution. */
export async function loadQueryConditions(tx: Transaction): Promise<Map<number, QueryCondition[]>> {
  const rows = await tx.inventoryQuery.findMany({ select: { id: true, conditions: true } });
  // Every Send and review reads every query: one that no longer reads (edited by hand, a schema
  // since tightened) matches nothing, as a deleted one does, instead of failing them all.
  const conditions = new Map<number, QueryCondition[]>();
  for (const row of rows) {
    try {
      conditions.set(row.id, parseStoredConditions(row.conditions));
    } catch (error) {
      console.error(`query ${row.id}: ${error instanceof Error ? error.message : String(error)}; it matches nothing until saved again`);
    }
  }
  return conditions;
}

const toRow = (computer: QueryComputer): QueryResultRow => ({ smsId: computer.smsId, name: computer.name, siteCode: computer.siteCode, platform: computer.platform });

export const PREVIEW_SIZE = 10;

/** How many computers a draft query matches now, and the first of them: the form's live preview. */
export async function previewQuery(options: { conditions: readonly QueryCondition[] }): Promise<QueryPreview> {
  await authorize("console:read");
  const matching = (await loadQueryComputers(db)).filter((computer) => evaluateQuery(options, computer));
  return { total: matching.length, computers: matching.slice(0, PREVIEW_SIZE).map(toRow) };
}

export async function listQueries(): Promise<QuerySummary[]> {
  await authorize("console:read");
  const rows = await db.inventoryQuery.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, comment: true, conditions: true } });
  return rows.map(({ conditions, ...row }) => ({ ...row, description: describeQuery({ conditions: parseStoredConditions(conditions) }) }));
}

export const getQuery = cache(async (id: number): Promise<QueryDetail | null> => {
  await authorize("console:read");
  const row = await db.inventoryQuery.findUnique({
    where: { id },
    select: { id: true, name: true, comment: true, version: true, conditions: true, targetOfJobs: { select: { jobId: true }, orderBy: { jobId: "asc" } }, machineGroups: { select: { id: true, name: true }, orderBy: { name: "asc" } } },
  });
  if (!row) return null;
  const conditions = parseStoredConditions(row.conditions);
  return { id: row.id, name: row.name, comment: row.comment, version: row.version, conditions, description: describeQuery({ conditions }), jobIds: row.targetOfJobs.map((job) => job.jobId), machineGroups: row.machineGroups };
});

/** A page of the computers a saved query matches now. */
export async function listQueryResult(options: { id: number; page: number }): Promise<Page<QueryResultRow> | null> {
  await authorize("console:read");
  const row = await db.inventoryQuery.findUnique({ where: { id: options.id }, select: { conditions: true } });
  if (!row) return null;
  const query = { conditions: parseStoredConditions(row.conditions) };
  const matching = (await loadQueryComputers(db)).filter((computer) => evaluateQuery(query, computer));
  const start = (options.page - 1) * PAGE_SIZE;
  return toPage(matching.slice(start, start + PAGE_SIZE).map(toRow), matching.length, options.page);
}

async function requireUniqueName(tx: Transaction, name: string, exceptId?: number) {
  const clash = await tx.inventoryQuery.findUnique({ where: { name }, select: { id: true } });
  if (clash && clash.id !== exceptId) throw duplicateName(name);
}

const duplicateName = (name: string) => new DomainError("invalid", `Query ${name} already exists`, [{ path: "name", message: `Query ${name} already exists` }]);

/** A query as the audit trail records it: name, comment, version and its conditions in words. */
async function auditedQuery(tx: Transaction, id: number) {
  const row = await tx.inventoryQuery.findUnique({ where: { id }, select: { id: true, name: true, comment: true, version: true, conditions: true } });
  if (!row) return null;
  const conditions = parseStoredConditions(row.conditions);
  return { ...row, conditions, description: describeQuery({ conditions }) };
}

export async function createQuery(options: { input: QueryInput }): Promise<number> {
  const actor = await authorize("sites:write", { type: "query", id: options.input.name });
  const { input } = options;
  return refusingRaces(() => db.$transaction(async (tx) => {
    await requireUniqueName(tx, input.name);
    const query = await tx.inventoryQuery.create({ data: { name: input.name, comment: input.comment, conditions: JSON.stringify(input.conditions) }, select: { id: true } });
    await recordAudit(tx, { actor, action: "query.create", objectType: "query", objectId: String(query.id), before: null, after: await auditedQuery(tx, query.id) });
    return query.id;
  }), { duplicate: duplicateName(input.name) });
}

export async function updateQuery(options: { id: number; version: number; input: QueryInput }): Promise<void> {
  const actor = await authorize("sites:write", { type: "query", id: String(options.id) });
  const { id, version, input } = options;
  await refusingRaces(() => db.$transaction(async (tx) => {
    await requireUniqueName(tx, input.name, id);
    const before = await auditedQuery(tx, id);
    const updated = await tx.inventoryQuery.updateMany({ where: { id, version }, data: { name: input.name, comment: input.comment, conditions: JSON.stringify(input.conditions), version: { increment: 1 } } });
    await requireUpdated(updated.count, async () => before !== null, `Query ${input.name}`);
    await recordAudit(tx, { actor, action: "query.update", objectType: "query", objectId: String(id), before, after: await auditedQuery(tx, id) });
  }), { duplicate: duplicateName(input.name) });
}

export async function deleteQuery(options: { id: number }): Promise<void> {
  const actor = await authorize("sites:write", { type: "query", id: String(options.id) });
  await db.$transaction(async (tx) => {
    const query = await tx.inventoryQuery.findUnique({ where: { id: options.id }, select: { name: true, targetOfJobs: { select: { jobId: true } }, machineGroups: { select: { name: true } } } });
    if (!query) throw new DomainError("not_found", "Query does not exist");
    const jobIds = query.targetOfJobs.map((job) => job.jobId).sort();
    const groups = query.machineGroups.map((group) => group.name).sort();
    refuseWhileInUse(`Query ${query.name}`, [
      ...(jobIds.length ? [`${countOf(jobIds.length, "job")} (${listSome(jobIds)})`] : []),
      ...(groups.length ? [`${countOf(groups.length, "machine group")} (${listSome(groups)})`] : []),
    ]);
    const before = await auditedQuery(tx, options.id);
    await refusingRaces(() => tx.inventoryQuery.delete({ where: { id: options.id } }), { duplicate: new DomainError("conflict", "The query changed meanwhile"), inUse: new DomainError("in_use", `Query ${query.name} cannot be deleted: a job or machine group started using it meanwhile`) });
    await recordAudit(tx, { actor, action: "query.delete", objectType: "query", objectId: String(options.id), before, after: null });
  });
}

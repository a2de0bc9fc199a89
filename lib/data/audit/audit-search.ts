import "server-only";
import { type AuditFilters, auditTimeRange } from "@/lib/audit/filters";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { recordAuditEvent } from "./audit";
import { pageWindow, toPage, type Page } from "../console/records";
import { authorize } from "../accounts/session";

/** One audit row as the search page and the CSV export show it; `at` is UTC ISO 8601. */
export interface AuditEventDto {
  id: number;
  at: string;
  actorUserId: string | null;
  actorName: string;
  actorRole: string | null;
  address: string | null;
  action: string;
  outcome: string;
  objectType: string;
  objectId: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
  /** How many events the row stands for: repeated anonymous refusals share one row. */
  repeats: number;
  /** When the last of them happened (UTC ISO 8601), for a row standing for more than one. */
  lastAt: string | null;
}

const AUDIT_FIELDS = {
  id: true,
  at: true,
  actorUserId: true,
  actorName: true,
  actorRole: true,
  address: true,
  action: true,
  outcome: true,
  objectType: true,
  objectId: true,
  before: true,
  after: true,
  detail: true,
  repeats: true,
  lastAt: true,
} as const;

const NEWEST_FIRST = [{ at: "desc" }, { id: "desc" }] as const satisfies Prisma.AuditEventOrderByWithRelationInput[];

/** An action ending in "." or ".*" matches every action under it ("job." finds job.send and job.cancel). */
function actionWhere(action: string): Prisma.StringFilter | string | undefined {
  if (!action) return undefined;
  const prefix = action.endsWith(".*") ? action.slice(0, -1) : action.endsWith(".") ? action : null;
  return prefix ? { startsWith: prefix } : action;
}

function whereOf(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const range = auditTimeRange(filters);
  return {
    ...(filters.user && { actorName: { contains: filters.user } }),
    ...(filters.objectType && { objectType: filters.objectType }),
    ...(filters.objectId && { objectId: filters.objectId }),
    ...(filters.action && { action: actionWhere(filters.action) }),
    ...(filters.outcome && { outcome: filters.outcome }),
    ...((range.gte || range.lt) && { at: range }),
  };
}

type AuditRow = Omit<AuditEventDto, "at" | "lastAt"> & { at: Date; lastAt: Date | null };

function toDto(row: AuditRow): AuditEventDto {
  return { ...row, at: row.at.toISOString(), lastAt: row.lastAt?.toISOString() ?? null };
}

/** A page of the audit trail, newest first. */
export async function searchAuditEvents(options: { filters: AuditFilters; page: number }): Promise<Page<AuditEventDto>> {
  await authorize("audit:read", { type: "audit" });
  const where = whereOf(options.filters);
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [...NEWEST_FIRST], ...pageWindow(options.page), select: AUDIT_FIELDS }),
    db.auditEvent.count({ where }),
  ]);
  return toPage(rows.map(toDto), total, options.page);
}

/** The object types and actions the trail holds, for the search form's choices. */
export async function listAuditChoices(): Promise<{ objectTypes: string[]; actions: string[] }> {
  await authorize("audit:read", { type: "audit" });
  const [objectTypes, actions] = await Promise.all([
    db.auditEvent.findMany({ distinct: ["objectType"], select: { objectType: true }, orderBy: { objectType: "asc" } }),
    db.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { objectTypes: objectTypes.map((row) => row.objectType), actions: actions.map((row) => row.action) };
}

const EXPORT_BATCH_SIZE = 1_000;

/**
 * Every matching audit row, newest first, read in batches so an export of the whole trail keeps
 * memory flat. Authorized (and the export itself audited) before the first row is read, so a route
 * can refuse before it starts a download.
 */
export async function openAuditExport(options: { filters: AuditFilters }): Promise<AsyncIterable<AuditEventDto>> {
  const actor = await authorize("audit:read", { type: "audit" });
  const where = whereOf(options.filters);
  const filterText = Object.entries(options.filters)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${value}`)
    .join("; ");
  // Snapshot the newest row now: rows written while the export runs (its own included) are left out.
  const newest = await db.auditEvent.findFirst({ where, orderBy: { id: "desc" }, select: { id: true } });
  await recordAuditEvent({ actor, action: "audit.export", objectType: "audit", detail: filterText ? `filters: ${filterText}` : "whole trail" });
  return {
    async *[Symbol.asyncIterator]() {
      if (!newest) return;
      let cursor: number | null = null;
      for (;;) {
        const rows: AuditRow[] = await db.auditEvent.findMany({
          where: { AND: [where, { id: { lte: newest.id } }] },
          orderBy: [...NEWEST_FIRST],
          take: EXPORT_BATCH_SIZE,
          ...(cursor !== null && { cursor: { id: cursor }, skip: 1 }),
          select: AUDIT_FIELDS,
        });
        for (const row of rows) yield toDto(row);
        if (rows.length < EXPORT_BATCH_SIZE) return;
        cursor = rows[rows.length - 1]!.id;
      }
    },
  };
}

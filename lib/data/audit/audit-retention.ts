import "server-only";
import { db } from "@/lib/db";
import type { AuditEventDto } from "./audit-search";
import { recordAuditEvent } from "./audit";
import { authorize } from "../accounts/session";

const BATCH_SIZE = 1_000;

export interface AuditPrune {
  /** How many rows are older than the date (and will be removed). */
  count: number;
  /** Those rows, oldest first, read in batches: the export to keep before removing them. */
  rows: AsyncIterable<AuditEventDto>;
  /** Removes exactly the rows counted (none written since), and audits that it did. */
  remove(): Promise<number>;
}

/**
 * The audit trail's retention (README, "Audit trail"): rows from before a date are exported, then
 * removed, by `sms audit prune`. The set is fixed when this is called, so rows written meanwhile are
 * neither exported nor removed.
 */
export async function openAuditPrune(options: { before: Date }): Promise<AuditPrune> {
  const actor = await authorize("audit:read", { type: "audit" });
  const older = { at: { lt: options.before } };
  const newest = await db.auditEvent.findFirst({ where: older, orderBy: { id: "desc" }, select: { id: true } });
  const where = { ...older, id: { lte: newest?.id ?? 0 } };
  const count = await db.auditEvent.count({ where });
  return {
    count,
    rows: {
      async *[Symbol.asyncIterator]() {
        let afterId = 0;
        for (;;) {
          const rows = await db.auditEvent.findMany({ where: { AND: [where, { id: { gt: afterId } }] }, orderBy: { id: "asc" }, take: BATCH_SIZE });
          for (const { repeatKey: _repeatKey, ...row } of rows) yield { ...row, at: row.at.toISOString(), lastAt: row.lastAt?.toISOString() ?? null };
          if (rows.length < BATCH_SIZE) return;
          afterId = rows[rows.length - 1]!.id;
        }
      },
    },
    async remove() {
      const removed = await db.auditEvent.deleteMany({ where });
      await recordAuditEvent({ actor, action: "audit.prune", objectType: "audit", detail: `removed ${removed.count} rows from before ${options.before.toISOString()}, exported first` });
      return removed.count;
    },
  };
}

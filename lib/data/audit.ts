import "server-only";
import type { Actor } from "@/lib/access/roles";
import { db, type Transaction } from "@/lib/db";

export type AuditOutcome = "success" | "failure" | "refused";

export interface AuditEntry {
  /** Who acted; null when nobody was signed in (a refused or failed request). */
  actor: Actor | null;
  /** Address of a request that had no signed-in actor. */
  address?: string | null;
  /** Dotted verb, e.g. "job.send", "package.update", "auth.sign-in". */
  action: string;
  outcome?: AuditOutcome;
  objectType: string;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: string;
  /** Name to record when there is no actor, e.g. the e-mail a failed sign-in gave. */
  claimedName?: string;
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function rowOf(entry: AuditEntry) {
  return {
    actorUserId: entry.actor?.userId ?? null,
    actorName: entry.actor?.name ?? entry.claimedName ?? "anonymous",
    actorRole: entry.actor?.role ?? null,
    address: entry.actor?.address ?? entry.address ?? null,
    action: entry.action,
    outcome: entry.outcome ?? "success",
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    before: json(entry.before),
    after: json(entry.after),
    detail: entry.detail?.slice(0, 1000) ?? null,
  };
}

/** Writes the audit row of a change inside the change's own transaction: both land or neither. */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: rowOf(entry) });
}

/** Audit rows of events that change nothing else: sign-in failures, refusals, sign-out. */
export async function recordAuditEvent(entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: rowOf(entry) });
}

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

/** Repeats of one anonymous refusal from one client within this long share one audit row. */
export const AUDIT_REPEAT_WINDOW_MINUTES = 15;

/**
 * An anonymous refusal or failure that anyone can cause as often as they like (a refused PCMINS.BOX
 * fetch, a failed sign-in): the first in a window gets a row, and repeats with the same key within
 * the window only count on it (repeats, lastAt), so the trail grows with the number of clients, not
 * of requests. The key names the event and the client, e.g. "auth.sign-in failure 192.0.2.7".
 * `count` records that many at once (a batch's refusals in one write).
 */
export async function recordRepeatedAuditEvent(tx: Transaction | typeof db, entry: AuditEntry & { repeatKey: string }, now = new Date(), count = 1): Promise<void> {
  const repeatKey = entry.repeatKey.slice(0, 500);
  const windowStart = new Date(now.getTime() - AUDIT_REPEAT_WINDOW_MINUTES * 60_000);
  const current = await tx.auditEvent.findFirst({ where: { repeatKey, at: { gt: windowStart } }, orderBy: { id: "desc" }, select: { id: true } });
  // updateMany: a row pruned in between counts nothing, and the event gets a row of its own.
  if (current && (await tx.auditEvent.updateMany({ where: { id: current.id }, data: { repeats: { increment: count }, lastAt: now } })).count === 1) return;
  await tx.auditEvent.create({ data: { ...rowOf(entry), at: now, repeatKey, repeats: count, lastAt: count > 1 ? now : null } });
}

import "server-only";
import type { Transaction } from "../../db";
import { DomainError } from "../../errors";
import { maxSequence, toBase36 } from "../../sms-id";

/** The per-site counters behind package, job and request IDs: they only grow. */
const COUNTERS = {
  package: { field: "nextPackageNumber", width: 5 },
  job: { field: "nextJobNumber", width: 5 },
  request: { field: "nextRequestNumber", width: 4 },
} as const;

export type IdKind = keyof typeof COUNTERS;

/**
 * The next ID of a kind for a site: its code plus the next number in base 36. The counter is
 * incremented inside the caller's transaction, so two admins never get the same number; numbers
 * an import already used are skipped, never reused.
 */
export async function allocateId(tx: Transaction, options: { siteCode: string; kind: IdKind; isTaken: (id: string) => Promise<boolean> }): Promise<string> {
  const { field, width } = COUNTERS[options.kind];
  for (;;) {
    const site = await tx.site.update({
      where: { code: options.siteCode },
      data: { [field]: { increment: 1 } },
      select: { nextPackageNumber: true, nextJobNumber: true, nextRequestNumber: true },
    });
    const sequence = site[field];
    if (sequence > maxSequence(width)) throw new DomainError("exhausted", `Site ${options.siteCode} has allocated every ${options.kind} ID`);
    const id = options.siteCode + toBase36(sequence, width);
    if (!(await options.isTaken(id))) return id;
  }
}

/** The request ID a Send would allocate next (another Send may take it first), for previews. */
export function nextRequestIdOf(site: { code: string; nextRequestNumber: number }): string {
  const sequence = Math.min(site.nextRequestNumber + 1, maxSequence(COUNTERS.request.width));
  return site.code + toBase36(sequence, COUNTERS.request.width);
}

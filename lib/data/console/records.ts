import "server-only";
import { DomainError } from "../../errors";

/**
 * Optimistic concurrency: every editable record carries a version. An update names the version it
 * was read at; if someone saved in between, the update matches no row and is refused.
 */
export async function requireUpdated(count: number, exists: () => Promise<boolean>, what: string): Promise<void> {
  if (count === 1) return;
  if (!(await exists())) throw new DomainError("not_found", `${what} no longer exists`);
  throw new DomainError("conflict", `${what} was changed by someone else since you opened it. The form now shows the current values; make your change again and save.`);
}

/** Refuses a delete while something still uses the record, saying what. */
export function refuseWhileInUse(what: string, uses: readonly string[]): void {
  if (uses.length > 0) throw new DomainError("in_use", `${what} cannot be deleted: it is used by ${uses.join("; ")}`);
}

export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** The first few of a list, for messages: "BPC00001, BPC00002 and 3 more". */
export function listSome(items: readonly string[], shown = 3): string {
  if (items.length <= shown) return items.join(", ");
  return `${items.slice(0, shown).join(", ")} and ${items.length - shown} more`;
}

export const PAGE_SIZE = 50;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

export function pageWindow(page: number, pageSize = PAGE_SIZE) {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(items: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

function prismaCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/**
 * A write that lost a race to another admin (the same key created, or the record put in use,
 * between our check and our write) is refused like the check would have refused it.
 */
export async function refusingRaces<T>(write: () => Promise<T>, refusals: { duplicate: DomainError; inUse?: DomainError }): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (prismaCode(error) === "P2002") throw refusals.duplicate;
    if (prismaCode(error) === "P2003" && refusals.inUse) throw refusals.inUse;
    throw error;
  }
}

import "server-only";
import { databaseFaultOf } from "../../database-faults";
import { db } from "../../db";

export type HealthCheckName = "read" | "write";

export interface HealthCheck {
  isOk: boolean;
  milliseconds: number;
  /** Why the check failed, in the words the console gives users (lib/database-faults.ts). */
  error?: string;
}

export interface DatabaseHealth {
  isHealthy: boolean;
  /** The first check that failed: a load balancer's log then says whether reads or saves are out. */
  failedCheck: HealthCheckName | null;
  checks: Record<HealthCheckName, HealthCheck>;
}

const HEALTH_ROW_ID = 1;

async function timed(check: () => Promise<unknown>): Promise<HealthCheck> {
  const start = performance.now();
  const milliseconds = () => Math.round(performance.now() - start);
  try {
    await check();
    return { isOk: true, milliseconds: milliseconds() };
  } catch (error) {
    const reason = databaseFaultOf(error)?.message ?? (error instanceof Error ? error.message.trim().split("\n")[0]! : String(error));
    return { isOk: false, milliseconds: milliseconds(), error: reason };
  }
}

/**
 * Whether this instance can serve: a read, then a write transaction on the health row, so a full
 * disk, a held lock or a read-only database shows here while reads still work (issue 14, item 7).
 */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const read = await timed(() => db.site.count());
  const write = await timed(() =>
    db.$transaction(async (tx) => {
      const checkedAt = new Date();
      await tx.healthCheck.upsert({ where: { id: HEALTH_ROW_ID }, create: { id: HEALTH_ROW_ID, checkedAt }, update: { checkedAt } });
    }),
  );
  const failedCheck = !read.isOk ? "read" : !write.isOk ? "write" : null;
  return { isHealthy: failedCheck === null, failedCheck, checks: { read, write } };
}

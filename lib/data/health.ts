import "server-only";
import { db } from "../db";

/** Whether the database answers: what a load balancer asks before sending traffic here. */
export async function checkDatabase(): Promise<{ isReachable: boolean; milliseconds: number }> {
  const start = performance.now();
  try {
    await db.site.count();
    return { isReachable: true, milliseconds: Math.round(performance.now() - start) };
  } catch {
    return { isReachable: false, milliseconds: Math.round(performance.now() - start) };
  }
}

import { checkDatabase } from "@/lib/data/console/health";

export const dynamic = "force-dynamic";

/**
 * GET /health: 200 when this instance can serve (its database answers a read and commits a write),
 * 503 naming the check that failed (`failedCheck`: "read" or "write") and why.
 */
export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.isHealthy ? "ok" : "unavailable", failedCheck: database.failedCheck, checks: database.checks },
    { status: database.isHealthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

import { checkDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/** GET /health: 200 when this instance can serve (its database answers), 503 when it cannot. */
export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.isReachable ? "ok" : "unavailable", database },
    { status: database.isReachable ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

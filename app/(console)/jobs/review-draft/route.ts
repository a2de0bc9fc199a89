import { reviewDraftJob } from "@/lib/data/review/job-review";
import { jobInputSchema } from "@/lib/jobs/schema";
import { currentWallClock } from "@/lib/wall-clock";
import { routeRefusal } from "../../access";
import { withDatabaseFaults } from "@/lib/route-errors";

export const dynamic = "force-dynamic";

/** Largest draft accepted: a job definition with a long list of computers. */
const MAX_DRAFT_BYTES = 256 * 1024;

/**
 * POST a job form's current values; answers the requirement findings for them without saving
 * anything, so the form can show them as fields change.
 */
export const POST = withDatabaseFaults(async function post(request: Request) {
  const refusal = await routeRefusal("console:read");
  if (refusal) return refusal;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_DRAFT_BYTES) return Response.json({ error: "The draft is too large" }, { status: 413 });
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_DRAFT_BYTES) return Response.json({ error: "The draft is too large" }, { status: 413 });
  let draft: unknown;
  try {
    draft = JSON.parse(body);
  } catch {
    return Response.json({ error: "The draft is not JSON" }, { status: 400 });
  }
  const parsed = jobInputSchema.safeParse(draft);
  // An incomplete form has no findings yet; its field errors appear when it is saved.
  if (!parsed.success) return Response.json({ isComplete: false, findings: [], targetCount: 0 });
  const result = await reviewDraftJob({ definition: parsed.data, now: currentWallClock() });
  if (!result) return Response.json({ isComplete: false, findings: [], targetCount: 0 });
  return Response.json({ isComplete: true, findings: result.review.findings, targetCount: result.targetCount }, { headers: { "Cache-Control": "no-store" } });
});

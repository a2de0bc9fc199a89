import { getComputerInstructions } from "@/lib/data/instruction-box/instructions";
import { SMS_ID_PATTERN } from "@/lib/sms-id";
import { currentWallClock } from "@/lib/wall-clock";
import { routeRefusal } from "../../../access";
import { withDatabaseFaults } from "@/lib/route-errors";

export const dynamic = "force-dynamic";

/** GET the instruction records a client should hold now, in the .INS JSON form (issue: jobs, item 4). */
export const GET = withDatabaseFaults(async function get(_request: Request, context: RouteContext<"/computers/[smsId]/instructions">) {
  const refusal = await routeRefusal("console:read");
  if (refusal) return refusal;
  const smsId = (await context.params).smsId.toUpperCase();
  if (!SMS_ID_PATTERN.test(smsId)) return Response.json({ error: "SMS ID must be 8 characters, A-Z or 0-9" }, { status: 400 });
  const instructions = await getComputerInstructions({ smsId, now: currentWallClock() });
  if (!instructions) return Response.json({ error: `Computer ${smsId} is not in inventory` }, { status: 404 });
  return Response.json(instructions.records, { headers: { "Cache-Control": "no-store" } });
});

import { auditCsvHeader, auditCsvRow } from "@/lib/audit/csv";
import { auditFiltersInput, auditFiltersSchema } from "@/lib/audit/filters";
import { openAuditExport } from "@/lib/data/audit/audit-search";
import { routeRefusal } from "../../access";
import { withDatabaseFaults } from "@/lib/route-errors";

export const dynamic = "force-dynamic";

const ERROR_HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * GET the audit rows the search page's filters select (same query string), as CSV, newest first.
 * Streamed in batches; cells that a spreadsheet would run as formulas are neutralised (lib/audit/csv.ts).
 */
export const GET = withDatabaseFaults(async function get(request: Request) {
  const refusal = await routeRefusal("audit:read");
  if (refusal) return refusal;
  const url = new URL(request.url);
  const parsed = auditFiltersSchema.safeParse(auditFiltersInput(Object.fromEntries(url.searchParams)));
  if (!parsed.success) return Response.json({ error: parsed.error.issues.map((issue) => issue.message).join("; ") }, { status: 400, headers: ERROR_HEADERS });
  // A refusal or a database fault answers its status and message (withDatabaseFaults).
  const rows = await openAuditExport({ filters: parsed.data });
  const iterator = rows[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(auditCsvHeader()));
    },
    async pull(controller) {
      const chunk: string[] = [];
      while (chunk.length < 500) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk.length) controller.enqueue(encoder.encode(chunk.join("")));
          controller.close();
          return;
        }
        chunk.push(auditCsvRow(next.value));
      }
      controller.enqueue(encoder.encode(chunk.join("")));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="sms-console-audit-${stamp}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

import { csvRow } from "@/lib/audit/csv";
import { openTargetStatusExport, type TargetStatusRow } from "@/lib/data/job-status/job-status";
import { HTTP_STATUS_OF, isDomainError } from "@/lib/errors";
import { TARGET_STATUSES, TARGET_STATUS_LABELS, type TargetStatusValue } from "@/lib/job-status/target-status";
import { JOB_ID_PATTERN } from "@/lib/sms-id";
import { routeRefusal } from "../../../../access";

export const dynamic = "force-dynamic";

const COLUMNS = ["SMS ID", "Computer", "Site", "Status", "When", "Description", "Warning", "Report"];

/** GET the Job Status page's target rows (same filters) as CSV, streamed in batches of 1,000. */
export async function GET(request: Request, context: RouteContext<"/jobs/[jobId]/status/export">) {
  const refusal = await routeRefusal("console:read");
  if (refusal) return refusal;
  const { jobId } = await context.params;
  if (!JOB_ID_PATTERN.test(jobId)) return new Response("The job ID must be 8 characters, A-Z or 0-9\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const url = new URL(request.url);
  const statusParameter = url.searchParams.get("status");
  const status = (TARGET_STATUSES as readonly string[]).includes(statusParameter ?? "") ? (statusParameter as TargetStatusValue) : undefined;
  const search = url.searchParams.get("search")?.trim().slice(0, 40) || undefined;
  let rows: AsyncGenerator<TargetStatusRow>;
  try {
    rows = await openTargetStatusExport({ jobId, status, search });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return new Response(`${error.message}\n`, { status: HTTP_STATUS_OF[error.code], headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(COLUMNS)));
    },
    async pull(controller) {
      const chunk: string[] = [];
      while (chunk.length < 1000) {
        const next = await rows.next();
        if (next.done) break;
        const row = next.value;
        chunk.push(csvRow([row.smsId, row.name, row.siteCode, TARGET_STATUS_LABELS[row.status], row.reportedAt, row.description, row.warning, row.reportId]));
      }
      if (chunk.length) controller.enqueue(encoder.encode(chunk.join("")));
      if (chunk.length < 1000) controller.close();
    },
    async cancel() {
      await rows.return?.(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="job-${jobId}-status.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

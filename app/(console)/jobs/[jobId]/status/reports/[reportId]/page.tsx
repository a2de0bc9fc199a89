import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getStatusReport } from "@/lib/data/job-status/job-status";
import { requirePermission } from "../../../../../access";

export async function generateMetadata({ params }: PageProps<"/jobs/[jobId]/status/reports/[reportId]">) {
  return { title: `Status report ${(await params).reportId}` };
}

/** One status report exactly as the client sent it, with what the console made of it. */
export default async function StatusReportPage({ params }: PageProps<"/jobs/[jobId]/status/reports/[reportId]">) {
  await requirePermission("console:read");
  const { jobId, reportId } = await params;
  const id = /^\d{1,9}$/.test(reportId) ? Number(reportId) : null;
  const report = id === null ? null : await getStatusReport({ jobId, reportId: id });
  if (!report) notFound();
  const facts: [string, string][] = [
    ["Client", report.smsId],
    ["Job named", report.jobReference],
    ["Received", `${report.receivedAt.toISOString().slice(0, 19).replace("T", " ")} UTC via ${report.source}${report.receivedFrom ? ` from ${report.receivedFrom}` : ""}`],
    ["Client's clock", report.reportedAt ?? "not given"],
    ["Outcome", report.outcome === "held" ? `held until ${report.heldUntil} (clock skew, Q172899)` : report.outcome],
    ["Reason", report.refusalReason ?? "—"],
    ["Status in the MIF", report.installStatus ?? "—"],
    ["Compilation error", report.parseError ?? "—"],
  ];
  return (
    <>
      <PageHeader title={`Status report ${report.id}`} description={`For job ${jobId}`} actions={<ButtonLink href={`/jobs/${jobId}/status`}>Job status</ButtonLink>} />
      <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-2 text-lg font-semibold">Raw MIF</h2>
      <pre aria-label="Raw MIF" className="overflow-x-auto rounded border border-slate-200 bg-white p-3 text-xs">
        {report.rawText}
      </pre>
    </>
  );
}

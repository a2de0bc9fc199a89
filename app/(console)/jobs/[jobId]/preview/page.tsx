import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getJob } from "@/lib/data/jobs";
import { previewSend } from "@/lib/data/send-preview";
import { pageNumberSchema } from "@/lib/schema-fields";
import { currentWallClock } from "@/lib/wall-clock";
import { requirePermission } from "../../../access";

const LINE_STYLES = { same: "text-slate-400", added: "bg-green-950 text-green-300", removed: "bg-red-950 text-red-300" } as const;
const MARKS = { same: " ", added: "+", removed: "-" } as const;

export async function generateMetadata({ params }: PageProps<"/jobs/[jobId]/preview">) {
  return { title: `What sending ${(await params).jobId} changes` };
}

/** Before Send: each target's instruction-file dump now and after, line by line. */
export default async function SendPreviewPage({ params, searchParams }: PageProps<"/jobs/[jobId]/preview">) {
  await requirePermission("console:read");
  const { jobId } = await params;
  const page = pageNumberSchema.parse((await searchParams).page);
  const job = await getJob(jobId);
  if (!job) notFound();
  if (job.storedState !== "PENDING") {
    return (
      <>
        <PageHeader title={`Job ${jobId}`} />
        <p className="text-sm">
          This job was already sent. Its targets&apos; instruction files are on their computer pages and in the <Link href="/instruction-box">instruction box</Link>.
        </p>
      </>
    );
  }
  const preview = await previewSend({ jobId, now: currentWallClock(), page, pageSize: 10 });
  return (
    <>
      <PageHeader
        title={`What sending ${jobId} changes`}
        description={
          <>
            Each target&apos;s instruction file now and after Send, as PCMDUMP prints it. Send would use request {preview.requestId} (if no other job is sent first) and list{" "}
            {preview.serverNames.length ? preview.serverNames.join(", ") : "no distribution server"}. <Link href={`/jobs/${jobId}`}>Back to the job</Link>
          </>
        }
      />
      {preview.targets.total === 0 && <p className="text-sm text-red-700">The target resolves to no computer: Send would be refused (event 323).</p>}
      {preview.targets.items.map((target) => (
        <section key={target.smsId} className="mb-4" aria-label={`${target.fileName} after Send`}>
          <h2 className="mb-1 font-mono text-sm font-semibold">
            <Link href={`/computers/${target.smsId}`}>{target.fileName}</Link>{" "}
            <span className="font-sans font-normal text-slate-600">
              +{target.addedLines} −{target.removedLines} lines
            </span>
          </h2>
          <pre className="max-h-96 overflow-auto rounded border border-slate-300 bg-slate-900 p-3 font-mono text-xs leading-5">
            {target.diff.map((line, index) => (
              <div key={index} className={LINE_STYLES[line.kind]}>
                {MARKS[line.kind]} {line.text}
              </div>
            ))}
          </pre>
        </section>
      ))}
      <Pagination page={preview.targets.page} pageCount={preview.targets.pageCount} total={preview.targets.total} noun="target" hrefFor={(target) => `/jobs/${jobId}/preview?page=${target}`} />
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getJob } from "@/lib/data/jobs/jobs";
import { previewSend } from "@/lib/data/jobs/send-preview";
import { foldUnchangedLines } from "@/lib/jobs/send-changes";
import { pageNumberSchema } from "@/lib/schema-fields";
import { currentWallClock } from "@/lib/wall-clock";
import { requirePermission } from "../../../access";

const LINE_STYLES = { same: "text-slate-400", added: "bg-green-950 text-green-300", removed: "bg-red-950 text-red-300" } as const;
const MARKS = { same: " ", added: "+", removed: "-" } as const;
const PAGE_SIZE = 10;
/** Targets named before the rest fold under "and N more". */
const SHOWN_TARGETS = 12;

const count = (value: number) => value.toLocaleString("en-US");

function TargetList({ smsIds }: { smsIds: string[] }) {
  const link = (smsId: string) => (
    <Link key={smsId} href={`/computers/${smsId}`} className="font-mono">
      {smsId}
    </Link>
  );
  const rest = smsIds.slice(SHOWN_TARGETS);
  return (
    <div className="mb-2 text-xs">
      <span className="flex flex-wrap gap-x-2 gap-y-1">{smsIds.slice(0, SHOWN_TARGETS).map(link)}</span>
      {rest.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-slate-700">and {count(rest.length)} more</summary>
          <span className="mt-1 flex flex-wrap gap-x-2 gap-y-1">{rest.map(link)}</span>
        </details>
      )}
    </div>
  );
}

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
  const preview = await previewSend({ jobId, now: currentWallClock(), page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title={`What sending ${jobId} changes`}
        description={
          <>
            What Send changes in its targets&apos; instruction files, as PCMDUMP prints them. Send would use request {preview.requestId} (if no other job is sent first) and list{" "}
            {preview.serverNames.length ? preview.serverNames.join(", ") : "no distribution server"}. <Link href={`/jobs/${jobId}`}>Back to the job</Link>
          </>
        }
      />
      {preview.targetCount === 0 ? (
        <p className="text-sm text-red-700">The target resolves to no computer: Send would be refused (event 323).</p>
      ) : (
        <p className="mb-3 text-sm" role="status">
          Send changes the instruction files of {count(preview.changedTargetCount)} of {count(preview.targetCount)} target{preview.targetCount === 1 ? "" : "s"}
          {preview.changedTargetCount > 0 ? `, in ${count(preview.changeCount)} distinct way${preview.changeCount === 1 ? "" : "s"}` : ""}. Each change is shown once with the targets it applies to.
        </p>
      )}
      {preview.changes.items.map((group, index) => {
        const number = (preview.changes.page - 1) * PAGE_SIZE + index + 1;
        const title = group.isChange ? `Change ${number}` : "No change";
        return (
          <section key={group.shownFor} className="mb-5" aria-label={title}>
            <h2 className="mb-1 text-sm font-semibold">
              {title}
              {group.isChange && (
                <span className="font-normal text-slate-600">
                  {" "}
                  +{group.addedLines} −{group.removedLines} lines
                </span>
              )}
              <span className="font-normal text-slate-600">
                {" "}
                · {count(group.smsIds.length)} target{group.smsIds.length === 1 ? "" : "s"}
              </span>
            </h2>
            <TargetList smsIds={group.smsIds} />
            {group.isChange && (
              <>
                <p className="mb-1 text-xs text-slate-600">As PCMDUMP prints {group.shownFor}.INS; the others differ only in their file name.</p>
                <pre className="max-h-96 overflow-auto rounded border border-slate-300 bg-slate-900 p-3 font-mono text-xs leading-5">
                  {foldUnchangedLines(group.diff).map((line, lineIndex) =>
                    line.kind === "fold" ? (
                      <div key={lineIndex} className="text-slate-500">
                        {"  "}… {count(line.count)} unchanged line{line.count === 1 ? "" : "s"} …
                      </div>
                    ) : (
                      <div key={lineIndex} className={LINE_STYLES[line.kind]}>
                        {MARKS[line.kind]} {line.text}
                      </div>
                    ),
                  )}
                </pre>
              </>
            )}
          </section>
        );
      })}
      <Pagination page={preview.changes.page} pageCount={preview.changes.pageCount} total={preview.changes.total} noun="group" hrefFor={(target) => `/jobs/${jobId}/preview?page=${target}`} />
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getInstructionFile } from "@/lib/data/instruction-box/instruction-box";
import { formatPcmdump, formatPcmdumpBanner } from "@/lib/pcmdump/format";
import { SMS_ID_PATTERN } from "@/lib/sms-id";
import { CONSOLE_VERSION } from "@/lib/version";
import { currentWallClock } from "@/lib/wall-clock";
import { requirePermission } from "../../access";

export async function generateMetadata({ params }: PageProps<"/instruction-box/[smsId]">) {
  return { title: `${(await params).smsId}.INS` };
}

/** A web PCMDUMP of one client's instruction file, as generated now. */
export default async function InstructionFilePage({ params, searchParams }: PageProps<"/instruction-box/[smsId]">) {
  await requirePermission("console:read");
  const { smsId } = await params;
  const isDetailed = (await searchParams).detailed === "1";
  if (!SMS_ID_PATTERN.test(smsId)) notFound();
  const file = await getInstructionFile({ smsId, now: currentWallClock() });
  if (file === "unknown") notFound();
  return (
    <>
      <PageHeader
        title={`${smsId}.INS`}
        description={
          <>
            Instruction file of <Link href={`/computers/${smsId}`}>{smsId}</Link>, generated from the database now.
          </>
        }
      />
      {file === "empty" ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-sm">No instruction file: no active job offers {smsId} a package, so PCM would log &quot;No instruction file.&quot;</p>
      ) : (
        <>
          <nav className="mb-2 flex gap-4 text-sm" aria-label="Dump options">
            {isDetailed ? <Link href={`/instruction-box/${smsId}`}>Plain dump</Link> : <Link href={`/instruction-box/${smsId}?detailed=1`}>Detailed dump (/d)</Link>}
            <a href={`/pcmins.box/${file.fileName}`} download>
              Download {file.fileName} ({file.bytes.length.toLocaleString("en-US")} bytes)
            </a>
            <a href={`/computers/${smsId}/instructions`}>JSON form</a>
          </nav>
          <pre aria-label="PCMDUMP output" className="overflow-x-auto rounded border border-slate-300 bg-slate-900 p-4 font-mono text-xs leading-5 text-slate-100">
            {formatPcmdumpBanner(CONSOLE_VERSION)}
            {formatPcmdump(file.fileName, file.records, { detailed: isDetailed })}
          </pre>
        </>
      )}
    </>
  );
}

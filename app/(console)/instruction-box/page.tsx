import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listInstructionBox } from "@/lib/data/instruction-box/instruction-box";
import { pageNumberSchema } from "@/lib/schema-fields";
import { currentWallClock } from "@/lib/wall-clock";
import { BoxDownload } from "./box-download";
import { requirePermission } from "../access";
import { formatUtcInstant } from "@/lib/wall-clock-format";

export const metadata = { title: "Instruction box" };

export default async function InstructionBoxPage({ searchParams }: PageProps<"/instruction-box">) {
  await requirePermission("console:read");
  const query = await searchParams;
  const search = typeof query.search === "string" ? query.search : "";
  const page = pageNumberSchema.parse(query.page);
  const box = await listInstructionBox({ now: currentWallClock(), search, page });
  const hrefFor = (target: number) => `/instruction-box?${new URLSearchParams({ ...(search ? { search } : {}), page: String(target) })}`;
  return (
    <>
      <PageHeader
        title="Instruction box"
        description="PCMINS.BOX as the logon servers would hold it: one <SMS ID>.INS per client that an active job offers a package, generated from the database on demand."
        actions={
          <>
            <ButtonLink href="/instruction-box/fetches">Recent fetches</ButtonLink>
            <ButtonLink href="/instruction-box/upload">Dump an .INS file</ButtonLink>
          </>
        }
      />
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <form role="search" className="flex max-w-md gap-2">
          <label htmlFor="search" className="sr-only">
            Search by SMS ID
          </label>
          <input id="search" name="search" type="search" defaultValue={search} placeholder="SMS ID (or its start)" className={inputClass} />
          <button type="submit" className="rounded border border-slate-300 bg-white px-3 text-sm">
            Search
          </button>
        </form>
        <BoxDownload fileCount={search ? null : box.total} />
      </div>
      <Table aria-label="Instruction files">
        <thead>
          <tr>
            <Th>File name</Th>
            <Th className="text-right">Bytes</Th>
            <Th className="text-right">Records</Th>
            <Th>Last change (UTC)</Th>
            <Th>Download</Th>
          </tr>
        </thead>
        <tbody>
          {box.items.length === 0 && <EmptyRow colSpan={5}>{search ? `No instruction file for an SMS ID starting "${search}".` : "The box is empty: no active job offers a package."}</EmptyRow>}
          {box.items.map((entry) => (
            <tr key={entry.smsId}>
              <Td className="font-mono">
                <Link href={`/instruction-box/${entry.smsId}`}>{entry.fileName}</Link>
              </Td>
              <Td className="text-right">{entry.byteLength.toLocaleString("en-US")}</Td>
              <Td className="text-right">{entry.recordCount}</Td>
              <Td className="font-mono text-xs">{formatUtcInstant(entry.lastModified, { isLabelled: false })}</Td>
              <Td>
                <a href={`/pcmins.box/${entry.fileName}`} download>
                  {entry.fileName}
                </a>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={box.page} pageCount={box.pageCount} total={box.total} noun="instruction file" hrefFor={hrefFor} />
    </>
  );
}

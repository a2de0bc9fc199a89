import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { INSTRUCTION_FILE_FETCH_OUTCOMES, INSTRUCTION_FILE_FETCH_RETENTION_DAYS, listInstructionFileFetches, type InstructionFileFetchOutcome } from "@/lib/data/instruction-box/instruction-box-access";
import { pageNumberSchema } from "@/lib/schema-fields";
import { SITE_CODE_PATTERN } from "@/lib/sms-id";
import { requirePermission } from "../../access";
import { formatUtcInstant } from "@/lib/wall-clock-format";

export const metadata = { title: "Instruction file fetches" };

const OUTCOME_LABELS: Record<InstructionFileFetchOutcome, string> = {
  served: "Served",
  "not-modified": "Not modified (304)",
  "not-found": "Not found (404)",
  refused: "Refused (401)",
};
const OUTCOME_TONES = { served: "good", "not-modified": "neutral", "not-found": "warn", refused: "bad" } as const;

const isOutcome = (value: unknown): value is InstructionFileFetchOutcome => typeof value === "string" && (INSTRUCTION_FILE_FETCH_OUTCOMES as readonly string[]).includes(value);
const textOf = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim() : "");

/** Every client fetch of GET /pcmins.box/<SMS ID>.INS, newest first: which clients poll, and who is turned away. */
export default async function InstructionFileFetchesPage({ searchParams }: PageProps<"/instruction-box/fetches">) {
  await requirePermission("console:read");
  const query = await searchParams;
  const search = textOf(query.search);
  const outcome = isOutcome(query.outcome) ? query.outcome : undefined;
  const siteCode = SITE_CODE_PATTERN.test(textOf(query.siteCode).toUpperCase()) ? textOf(query.siteCode).toUpperCase() : undefined;
  const page = pageNumberSchema.parse(query.page);
  const fetches = await listInstructionFileFetches({ page, search, outcome, siteCode });
  const filters = { ...(search ? { search } : {}), ...(outcome ? { outcome } : {}), ...(siteCode ? { siteCode } : {}) };
  const hrefFor = (target: number) => `/instruction-box/fetches?${new URLSearchParams({ ...filters, page: String(target) })}`;
  const isFiltered = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader
        title="Instruction file fetches"
        description={`Each request clients made for GET /pcmins.box/<SMS ID>.INS, newest first, kept for ${INSTRUCTION_FILE_FETCH_RETENTION_DAYS} days.`}
        actions={<ButtonLink href="/instruction-box">Instruction box</ButtonLink>}
      />
      <form role="search" className="mb-3 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="search" className="block text-sm font-medium text-slate-800">
            SMS ID or file name
          </label>
          <input id="search" name="search" type="search" defaultValue={search} placeholder="e.g. MDM00005 (or its start)" className={inputClass} />
        </div>
        <div>
          <label htmlFor="outcome" className="block text-sm font-medium text-slate-800">
            Outcome
          </label>
          <select id="outcome" name="outcome" defaultValue={outcome ?? ""} className={inputClass}>
            <option value="">Any</option>
            {INSTRUCTION_FILE_FETCH_OUTCOMES.map((choice) => (
              <option key={choice} value={choice}>
                {OUTCOME_LABELS[choice]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="siteCode" className="block text-sm font-medium text-slate-800">
            Site
          </label>
          <input id="siteCode" name="siteCode" defaultValue={siteCode ?? ""} maxLength={3} placeholder="e.g. BPC" className={`${inputClass} w-24 font-mono uppercase`} />
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
          Filter
        </button>
        {isFiltered && (
          <Link href="/instruction-box/fetches" className="py-1.5 text-sm">
            Clear
          </Link>
        )}
      </form>
      <Table aria-label="Instruction file fetches">
        <thead>
          <tr>
            <Th>Time (UTC)</Th>
            <Th>File name</Th>
            <Th>Site</Th>
            <Th>Client address</Th>
            <Th>Outcome</Th>
          </tr>
        </thead>
        <tbody>
          {fetches.items.length === 0 && <EmptyRow colSpan={5}>{isFiltered ? "No fetch matches these filters." : "No client has fetched an instruction file yet."}</EmptyRow>}
          {fetches.items.map((fetch) => (
            <tr key={fetch.id}>
              <Td className="font-mono text-xs">{formatUtcInstant(fetch.at, { isLabelled: false })}</Td>
              <Td className="font-mono">
                <Link href={`/instruction-box/${fetch.fileName.replace(/\.INS$/, "")}`}>{fetch.fileName}</Link>
              </Td>
              <Td>{fetch.siteCode ? <Link href={`/sites/${fetch.siteCode}/instruction-box-access`}>{fetch.siteCode}</Link> : "—"}</Td>
              <Td className="font-mono text-xs">{fetch.address ?? "unknown"}</Td>
              <Td>{isOutcome(fetch.outcome) ? <Badge tone={OUTCOME_TONES[fetch.outcome]}>{OUTCOME_LABELS[fetch.outcome]}</Badge> : fetch.outcome}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={fetches.page} pageCount={fetches.pageCount} total={fetches.total} noun="request" hrefFor={hrefFor} />
    </>
  );
}

import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { inputClass } from "@/components/ui/field";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { kbArticleHref } from "@/components/finding-card";
import { CATALOGUE, searchCatalogue } from "@/lib/rules/catalogue";
import { requirePermission } from "../access";

export const metadata = { title: "Requirement rules" };

const TONES = { error: "bad", warning: "warn", info: "info" } as const;

/** The requirement catalogue R1-R88 (KB digest §4) and what the console can decide of it. */
export default async function RulesPage({ searchParams }: PageProps<"/rules">) {
  await requirePermission("console:read");
  const query = (await searchParams).search;
  const search = typeof query === "string" ? query.slice(0, 200) : "";
  const implemented = CATALOGUE.filter((entry) => entry.status === "implemented").length;
  const entries = searchCatalogue(CATALOGUE, search);
  return (
    <>
      <PageHeader title="Requirement rules" description={`${implemented} of ${CATALOGUE.length} rules are checked before a job is sent; the others need facts the console cannot hold.`} />
      <form role="search" className="mb-3 flex max-w-md gap-2">
        <label htmlFor="search" className="sr-only">
          Search the rules
        </label>
        <input id="search" name="search" type="search" defaultValue={search} placeholder="Rule, words or KB article (e.g. R63, service, Q166765)" className={inputClass} />
        <button type="submit" className="rounded bg-blue-700 px-3 py-1.5 text-sm text-white">
          Search
        </button>
      </form>
      <Table aria-label="Requirement rules">
        <thead>
          <tr>
            <Th>Rule</Th>
            <Th>Severity</Th>
            <Th>Title</Th>
            <Th>Status</Th>
            <Th>KB sources</Th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 && <EmptyRow colSpan={5}>No rule mentions &quot;{search}&quot;.</EmptyRow>}
          {entries.map((entry) => (
            <tr key={entry.code} id={entry.code}>
              <Td className="font-mono">{entry.code}</Td>
              <Td>
                <Badge tone={TONES[entry.severity]}>{entry.severity}</Badge>
              </Td>
              <Td>
                {entry.title}
                {entry.versionNote && <div className="text-xs text-slate-600">{entry.versionNote}</div>}
                {entry.why && (
                  <details className="mt-1 text-xs text-slate-700">
                    <summary className="cursor-pointer">Why?</summary>
                    <p className="mt-1 max-w-prose">{entry.why}</p>
                  </details>
                )}
              </Td>
              <Td>
                {entry.status === "implemented" ? "Checked" : `Not decidable: ${entry.reason}`}
                {entry.undecidablePart && <div className="text-xs text-slate-600">Not decidable: {entry.undecidablePart}</div>}
              </Td>
              <Td className="text-xs">
                {entry.sources.map((source, index) => (
                  <span key={source}>
                    {index > 0 && ", "}
                    <a href={kbArticleHref(source)}>{source}</a>
                  </span>
                ))}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

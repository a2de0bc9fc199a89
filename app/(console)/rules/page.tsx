import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { kbArticleHref } from "@/components/finding-card";
import { CATALOGUE } from "@/lib/rules/catalogue";
import { requirePermission } from "../access";

export const metadata = { title: "Requirement rules" };

const TONES = { error: "bad", warning: "warn", info: "info" } as const;

/** The requirement catalogue R1-R88 (KB digest §4) and what the console can decide of it. */
export default async function RulesPage() {
  await requirePermission("console:read");
  const implemented = CATALOGUE.filter((entry) => entry.status === "implemented").length;
  return (
    <>
      <PageHeader title="Requirement rules" description={`${implemented} of ${CATALOGUE.length} rules are checked before a job is sent; the others need facts the console cannot hold.`} />
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
          {CATALOGUE.map((entry) => (
            <tr key={entry.code} id={entry.code}>
              <Td className="font-mono">{entry.code}</Td>
              <Td>
                <Badge tone={TONES[entry.severity]}>{entry.severity}</Badge>
              </Td>
              <Td>
                {entry.title}
                {entry.versionNote && <div className="text-xs text-slate-600">{entry.versionNote}</div>}
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

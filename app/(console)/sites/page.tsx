import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listSites } from "@/lib/data/sites/sites";
import { sitesInTreeOrder } from "@/lib/sites/tree";
import { requirePermission } from "../access";
import { can } from "@/lib/access/roles";

export const metadata = { title: "Sites" };

// Classes, not inline styles: the Content Security Policy refuses style attributes.
const INDENTS = ["pl-0", "pl-5", "pl-10", "pl-15", "pl-20", "pl-25", "pl-30"] as const;

export default async function SitesPage() {
  const actor = await requirePermission("console:read");
  const canChangeSites = can(actor.role, "sites:write");
  const sites = sitesInTreeOrder(await listSites());
  return (
    <>
      <PageHeader
        title="Sites"
        description="The SMS hierarchy, each site under its parent: its version, PCM polling interval and servers."
        actions={
          canChangeSites ? (
            <ButtonLink href="/sites/new" variant="primary">
              New site
            </ButtonLink>
          ) : undefined
        }
      />
      <Table aria-label="Site hierarchy">
        <thead>
          <tr>
            <Th>Site</Th>
            <Th>Name</Th>
            <Th>Parent</Th>
            <Th>SMS</Th>
            <Th>PCM polling</Th>
            <Th className="text-right">Servers</Th>
            <Th className="text-right">Computers</Th>
            <Th className="text-right">Packages</Th>
          </tr>
        </thead>
        <tbody>
          {sites.length === 0 && <EmptyRow colSpan={8}>No sites yet.</EmptyRow>}
          {sites.map(({ site, depth }) => (
            <tr key={site.code}>
              <Td className="font-mono whitespace-nowrap">
                <span className={`${INDENTS[Math.min(depth, INDENTS.length - 1)]} text-slate-400`} aria-hidden="true">
                  {depth > 0 ? "└ " : ""}
                </span>
                <Link href={`/sites/${site.code}`}>{site.code}</Link>
              </Td>
              <Td>{site.name}</Td>
              <Td className="font-mono">{site.parentCode ?? "—"}</Td>
              <Td>
                {site.smsVersion}
                {site.servicePack > 0 && ` SP${site.servicePack}`}
              </Td>
              <Td>{site.isPcmEnabled ? `every ${site.pcmPollingIntervalMinutes} min` : <Badge tone="warn">PCM disabled</Badge>}</Td>
              <Td className="text-right">{site.serverCount}</Td>
              <Td className="text-right">
                <Link href={`/computers?siteCode=${site.code}`}>{site.computerCount.toLocaleString("en-US")}</Link>
              </Td>
              <Td className="text-right">{site.packageCount}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listComputers, PCM_SERVICE_FILTERS, type PcmServiceFilter } from "@/lib/data/inventory/computers";
import { listSiteChoices } from "@/lib/data/sites/sites";
import { isPlatform, PCM_VARIANT_LABELS, PCM_VARIANTS, PLATFORM_LABELS, PLATFORMS, type PcmVariant } from "@/lib/platforms";
import { pageNumberSchema } from "@/lib/schema-fields";
import { requirePermission } from "../access";
import { can } from "@/lib/access/roles";
import { formatWallClock } from "@/lib/wall-clock-format";

export const metadata = { title: "Computers" };

function single(value: string | string[] | undefined): string {
  return typeof value === "string" ? value : "";
}

export default async function ComputersPage({ searchParams }: PageProps<"/computers">) {
  const actor = await requirePermission("console:read");
  const canChangeInventory = can(actor.role, "sites:write");
  const query = await searchParams;
  const search = single(query.search);
  const siteCode = single(query.siteCode);
  const platform = single(query.platform);
  const pcmVariant = single(query.pcmVariant);
  const pcmService = single(query.pcmService);
  const page = pageNumberSchema.parse(query.page);
  const [computers, sites] = await Promise.all([
    listComputers({
      search,
      siteCode: siteCode || undefined,
      platform: isPlatform(platform) ? platform : undefined,
      pcmVariant: (PCM_VARIANTS as readonly string[]).includes(pcmVariant) ? (pcmVariant as PcmVariant) : undefined,
      pcmService: (PCM_SERVICE_FILTERS as readonly string[]).includes(pcmService) ? (pcmService as PcmServiceFilter) : undefined,
      page,
    }),
    listSiteChoices(),
  ]);
  const filters = Object.fromEntries(Object.entries({ search, siteCode, platform, pcmVariant, pcmService }).filter(([, value]) => value));
  const hrefFor = (target: number) => `/computers?${new URLSearchParams({ ...filters, page: String(target) })}`;
  return (
    <>
      <PageHeader
        title="Computers"
        description="Inventory: every client the console knows, with its platform and Package Command Manager."
        actions={canChangeInventory ? <ButtonLink href="/computers/new">Add computer</ButtonLink> : undefined}
      />
      <form role="search" className="mb-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto]">
        <label className="text-sm">
          <span className="sr-only">Search by SMS ID or name</span>
          <input name="search" type="search" defaultValue={search} placeholder="SMS ID or computer name" className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="sr-only">Site</span>
          <select name="siteCode" defaultValue={siteCode} className={inputClass} aria-label="Site">
            <option value="">All sites</option>
            {sites.map((site) => (
              <option key={site.code} value={site.code}>
                {site.code}
              </option>
            ))}
          </select>
        </label>
        <select name="platform" defaultValue={platform} className={inputClass} aria-label="Platform">
          <option value="">All platforms</option>
          {PLATFORMS.map((value) => (
            <option key={value} value={value}>
              {PLATFORM_LABELS[value]}
            </option>
          ))}
        </select>
        <select name="pcmVariant" defaultValue={pcmVariant} className={inputClass} aria-label="PCM">
          <option value="">All PCM variants</option>
          {PCM_VARIANTS.map((value) => (
            <option key={value} value={value}>
              {PCM_VARIANT_LABELS[value]}
            </option>
          ))}
        </select>
        <select name="pcmService" defaultValue={pcmService} className={inputClass} aria-label="Package Command Manager service">
          <option value="">PCM service: any</option>
          <option value="none">PCM service not installed</option>
          <option value="stopped">PCM service installed, not running</option>
          <option value="running">PCM service running</option>
        </select>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 text-sm">
          Filter
        </button>
      </form>
      <Table>
        <thead>
          <tr>
            <Th>SMS ID</Th>
            <Th>Name</Th>
            <Th>Site</Th>
            <Th>Platform</Th>
            <Th>PCM</Th>
            <Th>Last inventory</Th>
          </tr>
        </thead>
        <tbody>
          {computers.items.length === 0 && <EmptyRow colSpan={6}>No computer matches these filters.</EmptyRow>}
          {computers.items.map((computer) => (
            <tr key={computer.smsId}>
              <Td className="font-mono">
                <Link href={`/computers/${computer.smsId}`}>{computer.smsId}</Link>
              </Td>
              <Td>{computer.name}</Td>
              <Td className="font-mono">{computer.siteCode}</Td>
              <Td>{PLATFORM_LABELS[computer.platform]}</Td>
              <Td>
                {PCM_VARIANT_LABELS[computer.pcmVariant]} {computer.isPcmServiceInstalled && <Badge tone="info">+ Pcmsvc32</Badge>}
              </Td>
              <Td className="font-mono text-xs">{computer.lastInventoryAt ? formatWallClock(computer.lastInventoryAt) : "never"}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={computers.page} pageCount={computers.pageCount} total={computers.total} noun="computer" hrefFor={hrefFor} />
    </>
  );
}

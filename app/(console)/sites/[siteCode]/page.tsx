import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/delete-button";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { listServers } from "@/lib/data/sites/servers";
import { getSite } from "@/lib/data/sites/sites";
import { serverTypeName } from "@/lib/servers/schema";
import { ISO_WEEKDAY_NAMES } from "@/lib/sites/schema";
import { deleteSiteAction } from "../actions";
import { requirePermission } from "../../access";
import { can } from "@/lib/access/roles";

export async function generateMetadata({ params }: PageProps<"/sites/[siteCode]">) {
  return { title: `Site ${(await params).siteCode}` };
}

/** "Mon-Fri", "Mon, Wed, Fri", "Mon-Wed, Sat": consecutive days as ranges. */
function formatWeekdays(days: readonly number[]): string {
  const short = (day: number) => ISO_WEEKDAY_NAMES[day - 1]?.slice(0, 3) ?? String(day);
  const runs: [number, number][] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs.map(([first, last]) => (first === last ? short(first) : `${short(first)}-${short(last)}`)).join(", ");
}

function formatUtcOffset(minutes: number): string {
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0");
  const rest = String(Math.abs(minutes) % 60).padStart(2, "0");
  return `UTC${minutes < 0 ? "-" : "+"}${hours}:${rest} (${minutes} minutes)`;
}

const yesNoUnknown = (value: boolean | null) => (value === null ? "Unknown" : value ? "Yes" : "No");

export default async function SitePage({ params }: PageProps<"/sites/[siteCode]">) {
  const actor = await requirePermission("console:read");
  const canChangeSites = can(actor.role, "sites:write");
  const { siteCode } = await params;
  const [site, servers] = await Promise.all([getSite(siteCode), listServers({ siteCode })]);
  if (!site) notFound();
  const properties: [string, React.ReactNode][] = [
    ["Parent site", site.parentCode ? <Link href={`/sites/${site.parentCode}`}>{site.parentCode}</Link> : "None (central site)"],
    ["Child sites", site.childCodes.length ? site.childCodes.map((code, index) => <span key={code}>{index > 0 && ", "}<Link href={`/sites/${code}`}>{code}</Link></span>) : "None"],
    ["SMS version", `${site.smsVersion}${site.servicePack ? ` SP${site.servicePack}` : ""}`],
    ["Package Command Manager", site.isPcmEnabled ? "Enabled" : "Disabled"],
    ["PCM polling interval", `${site.pcmPollingIntervalMinutes} minutes`],
    ["Inventory interval", `${site.inventoryIntervalDays} days`],
    ["Computers", <Link key="computers" href={`/computers?siteCode=${site.code}`}>{site.computerCount.toLocaleString("en-US")}</Link>],
    ["Packages", site.packageCount],
  ];
  const facts: [string, React.ReactNode][] = [
    ["Business hours", site.businessDays && site.businessHoursStart && site.businessHoursEnd ? `${formatWeekdays(site.businessDays)} ${site.businessHoursStart}-${site.businessHoursEnd}` : "Unknown"],
    ["Site server free disk space", site.siteServerFreeDiskMegabytes === null ? "Unknown" : `${site.siteServerFreeDiskMegabytes.toLocaleString("en-US")} MB`],
    ["UTC offset (standard time)", site.utcOffsetMinutes === null ? "Unknown" : formatUtcOffset(site.utcOffsetMinutes)],
    ["Clock adjusts for daylight saving time", yesNoUnknown(site.isDaylightSavingAdjusted)],
  ];
  return (
    <>
      <PageHeader
        title={`${site.code}: ${site.name}`}
        actions={
          <>
            <ButtonLink href={`/sites/${site.code}/instruction-box-access`}>PCMINS.BOX access</ButtonLink>
            {canChangeSites && (
              <ButtonLink href={`/sites/${site.code}/edit`} variant="primary">
                Edit properties
              </ButtonLink>
            )}
          </>
        }
      />
      <dl className="mb-6 grid gap-x-6 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        {properties.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-2 text-lg font-semibold">Facts for the requirement review</h2>
      <dl className="mb-6 grid gap-x-6 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-lg font-semibold">Servers</h2>
        {canChangeSites && <ButtonLink href={`/sites/${site.code}/servers/new`}>Add server</ButtonLink>}
      </div>
      <Table>
        <thead>
          <tr>
            <Th>Server</Th>
            <Th>Roles</Th>
            <Th>Package share</Th>
            <Th>Type</Th>
            <Th>File system</Th>
            <Th>Macintosh</Th>
            <Th>Removed from hierarchy</Th>
          </tr>
        </thead>
        <tbody>
          {servers.length === 0 && <EmptyRow colSpan={7}>No servers in this site.</EmptyRow>}
          {servers.map((server) => (
            <tr key={server.id}>
              <Td className="font-mono">
                <Link href={`/sites/${site.code}/servers/${encodeURIComponent(server.name)}/edit`}>{server.name}</Link>
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  {server.isLogonServer && <Badge tone="info">Logon server</Badge>}
                  {server.isDistributionServer && <Badge tone="info">Distribution server</Badge>}
                </div>
              </Td>
              <Td className="font-mono">{server.packageShare}</Td>
              <Td>
                {server.serverType} {serverTypeName(server.serverType)}
              </Td>
              <Td>{server.fileSystem}</Td>
              <Td>{server.hasServicesForMacintosh ? `SFM${server.macintoshZone ? `, zone ${server.macintoshZone}` : ""}` : "—"}</Td>
              <Td>{server.isRemovedFromHierarchy ? <Badge tone="bad">Removed</Badge> : yesNoUnknown(server.isRemovedFromHierarchy)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {canChangeSites && (
        <div className="mt-8 border-t border-slate-200 pt-4">
          <DeleteButton action={deleteSiteAction.bind(null, site.code)} what={`site ${site.code}`} />
        </div>
      )}
    </>
  );
}

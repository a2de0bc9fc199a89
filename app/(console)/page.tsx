import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { getConsoleTotals } from "@/lib/data/overview";


export default async function OverviewPage() {
  const totals = await getConsoleTotals();
  const tiles = [
    { href: "/packages", label: "Packages", value: totals.packages, detail: `${totals.commandLines} workstation command lines` },
    { href: "/sites", label: "Sites", value: totals.sites, detail: `${totals.servers} servers` },
    { href: "/computers", label: "Computers", value: totals.computers, detail: "in inventory" },
    { href: "/machine-groups", label: "Machine groups", value: totals.machineGroups, detail: "targets and server groups" },
  ];
  return (
    <>
      <PageHeader
        title="Overview"
        description="Define packages and their workstation command lines, and see the sites, servers and computers they will reach."
      />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((tile) => (
          <li key={tile.href}>
            <Link href={tile.href} className="block rounded border border-slate-200 bg-white p-4 no-underline shadow-sm hover:border-blue-400 hover:no-underline">
              <span className="block text-sm text-slate-600">{tile.label}</span>
              <span className="block text-3xl font-semibold text-slate-900">{tile.value.toLocaleString("en-US")}</span>
              <span className="block text-xs text-slate-500">{tile.detail}</span>
            </Link>
          </li>
        ))}
      </ul>
      {totals.sites === 0 && (
        <p className="mt-6 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          The console is empty. <Link href="/import-export">Import a site document</Link> or create a <Link href="/sites/new">site</Link> to begin.
        </p>
      )}
    </>
  );
}

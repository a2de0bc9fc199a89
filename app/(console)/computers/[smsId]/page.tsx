import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/delete-button";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getComputer } from "@/lib/data/inventory/computers";
import { getComputerInstructions } from "@/lib/data/instruction-box/instructions";
import { OPERATING_SYSTEM_BITS, PCM_VARIANT_LABELS, PLATFORM_LABELS } from "@/lib/platforms";
import { creatingSiteOf } from "@/lib/sms-id";
import { currentWallClock } from "@/lib/wall-clock";
import { deleteComputerAction } from "../actions";
import { InstructionRecords } from "./instruction-records";
import { requirePermission } from "../../access";
import { can } from "@/lib/access/roles";
import { formatWallClock } from "@/lib/wall-clock-format";

export async function generateMetadata({ params }: PageProps<"/computers/[smsId]">) {
  return { title: (await params).smsId };
}

const yesNo = (value: boolean) => (value ? "Yes" : "No");
const yesNoUnknown = (value: boolean | null) => (value === null ? "Unknown" : yesNo(value));
const orUnknown = (value: string | number | null, unit = "") => (value === null ? "Unknown" : `${value}${unit}`);
const hotfixesText = (names: string[] | null) => (names === null ? "Unknown" : names.length === 0 ? "None" : names.join(", "));

export default async function ComputerPage({ params }: PageProps<"/computers/[smsId]">) {
  const actor = await requirePermission("console:read");
  const canChangeInventory = can(actor.role, "sites:write");
  const { smsId } = await params;
  const now = currentWallClock();
  const [computer, instructions] = await Promise.all([getComputer(smsId), getComputerInstructions({ smsId, now })]);
  if (!computer || !instructions) notFound();
  const bit = OPERATING_SYSTEM_BITS[computer.platform];
  const sections: [string, [string, React.ReactNode][]][] = [
    [
      "Identity",
      [
        ["SMS ID", <span key="id" className="font-mono">{computer.smsId} (created by site {creatingSiteOf(computer.smsId)})</span>],
        ["Site", <Link key="site" href={`/sites/${computer.siteCode}`}>{computer.siteCode}</Link>],
        ["Logon server", computer.logonServer ?? "—"],
        ["NT domain", computer.ntDomain ?? "Not a domain member"],
        ["Machine groups", computer.machineGroups.join(", ") || "—"],
        ["Last inventory", computer.lastInventoryAt ? formatWallClock(computer.lastInventoryAt) : "Never"],
        ["Network link", computer.networkLink === "SLOW" ? "Slow" : "Fast"],
      ],
    ],
    [
      "Platform",
      [
        ["Platform", PLATFORM_LABELS[computer.platform]],
        ["Instruction-file OS bit", bit === undefined ? "None documented (Windows 95)" : `0x${bit.toString(16).padStart(8, "0")}`],
        ["OS version", computer.osVersion || "—"],
        ["Windows NT role", computer.ntRole ?? "—"],
        ["SMS client", `${computer.smsClientVersion}${computer.smsClientServicePack ? ` SP${computer.smsClientServicePack}` : ""}`],
      ],
    ],
    [
      "Package Command Manager",
      [
        ["PCM", PCM_VARIANT_LABELS[computer.pcmVariant]],
        ["PCM service (Pcmsvc32) installed", yesNo(computer.isPcmServiceInstalled)],
        ...(computer.isPcmServiceInstalled
          ? ([
              ["Service file date", computer.pcmServiceFileDate ?? "Unknown"],
              ["Install directory", computer.pcmServiceInstallDirectory ?? "Unknown"],
              ["Start type", computer.pcmServiceStartType ?? "Unknown"],
              ["Running", yesNo(computer.isPcmServiceRunning)],
              ["Account is local administrator", yesNo(computer.pcmServiceAccountIsLocalAdmin)],
              ["Account may log on as a service", yesNo(computer.pcmServiceAccountCanLogOnAsService)],
              ["Account reads PCMINS.BOX and package shares", yesNo(computer.pcmServiceAccountCanReadShares)],
              ["Account is a Domain Admin", yesNo(computer.pcmServiceAccountIsDomainAdmin)],
            ] as [string, React.ReactNode][])
          : []),
      ],
    ],
    [
      "Facts for the requirement review",
      [
        ["Installed PCM hotfixes", hotfixesText(computer.installedPcmHotfixes)],
        ["Pcmwin32 loads at logon", yesNoUnknown(computer.isPcmwin32AutoStart)],
        ["Clock offset", orUnknown(computer.clockOffsetSeconds, " seconds")],
        ["UTC offset", orUnknown(computer.utcOffsetMinutes, " minutes")],
        ["Clock adjusts for daylight saving time", yesNoUnknown(computer.isDaylightSavingAdjusted)],
        ["Someone logs on at this computer", yesNoUnknown(computer.hasInteractiveUsers)],
        ["Its users are local administrators", yesNoUnknown(computer.usersAreLocalAdministrators)],
        ["Users can write to the PCM service directory", yesNoUnknown(computer.isPcmServiceDirectoryUserWritable)],
        ["PCM service account", orUnknown(computer.pcmServiceAccount)],
        ["SMS ID also found on another computer", yesNoUnknown(computer.hasDuplicateSmsId)],
        ["NetWare NETX client", yesNoUnknown(computer.isNetwareNetxClient)],
        ["DisableRandomPCMServers", orUnknown(computer.disableRandomPcmServers)],
      ],
    ],
  ];
  return (
    <>
      <PageHeader
        title={computer.name}
        description={<span className="font-mono">{computer.smsId}</span>}
        actions={
          canChangeInventory ? (
            <ButtonLink href={`/computers/${computer.smsId}/edit`} variant="primary">
              Edit
            </ButtonLink>
          ) : undefined
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        {sections.map(([heading, rows]) => (
          <section key={heading} className="min-w-0 rounded border border-slate-200 bg-white p-4">
            <h2 className="mb-2 font-semibold">{heading}</h2>
            <dl className="grid grid-cols-[minmax(0,max-content)_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
              {rows.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="min-w-0 break-words">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <InstructionRecords instructions={instructions} now={now} />
      {canChangeInventory && (
        <div className="mt-8 border-t border-slate-200 pt-4">
          <DeleteButton action={deleteComputerAction.bind(null, computer.smsId)} what={`computer ${computer.smsId}`} />
        </div>
      )}
    </>
  );
}

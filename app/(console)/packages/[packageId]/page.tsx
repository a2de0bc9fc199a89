import { notFound } from "next/navigation";
import { DeleteButton } from "@/components/delete-button";
import { Badge } from "@/components/ui/badge";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { SHARE_ACCESS_LABELS } from "@/lib/packages/schema";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyRow, Table, Td, Th } from "@/components/ui/table";
import { getPackage } from "@/lib/data/packages/packages";
import { operatingSystemMask, operatingSystemMaskNote, PLATFORM_LABELS } from "@/lib/platforms";
import { deletePackageAction } from "../actions";
import { requirePermission } from "../../access";
import { can } from "@/lib/access/roles";

export async function generateMetadata({ params }: PageProps<"/packages/[packageId]">) {
  return { title: (await params).packageId };
}

function Flag({ isOn, label }: { isOn: boolean; label: string }) {
  return isOn ? <Badge tone="info">{label}</Badge> : null;
}

const yesNoUnknown = (value: boolean | null) => (value === null ? "Unknown" : value ? "Yes" : "No");
const numberOrUnknown = (value: number | null, unit = "") => (value === null ? "Unknown" : `${value.toLocaleString("en-US")}${unit}`);
const ADMINISTRATOR_RIGHTS = { true: "Needs administrator rights", false: "No administrator rights needed", null: "Administrator rights: unknown" } as const;

/** What the form just did, carried in `?done=` by the package actions; anything else is ignored. */
const PACKAGE_NOTICES: Record<string, string> = { created: "created", saved: "saved" };

export default async function PackagePage({ params, searchParams }: PageProps<"/packages/[packageId]">) {
  const actor = await requirePermission("console:read");
  const canChangePackages = can(actor.role, "packages:write");
  const canChangeJobs = can(actor.role, "jobs:write");
  const { packageId } = await params;
  const pkg = await getPackage(packageId);
  if (!pkg) notFound();
  const done = (await searchParams).done;
  const notice = typeof done === "string" && Object.hasOwn(PACKAGE_NOTICES, done) ? `Package ${pkg.packageId} ${PACKAGE_NOTICES[done]}.` : null;
  return (
    <>
      <PageHeader
        title={pkg.name}
        description={
          <>
            Package <span className="font-mono">{pkg.packageId}</span> · site <span className="font-mono">{pkg.siteCode}</span>
          </>
        }
        actions={
          <>
            <a href={`/packages/${pkg.packageId}/pdf`} download className={buttonClass("secondary")}>
              Export PDF
            </a>
            {canChangeJobs && <ButtonLink href={`/jobs/new?packageId=${pkg.packageId}`}>New job</ButtonLink>}
            {canChangePackages && (
              <ButtonLink href={`/packages/${pkg.packageId}/edit`} variant="primary">
                Edit
              </ButtonLink>
            )}
          </>
        }
      />
      {notice && (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
          {notice}
        </p>
      )}
      <dl className="mb-6 grid gap-x-6 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">Comments</dt>
        <dd className="whitespace-pre-wrap">{pkg.comments || "—"}</dd>
        <dt className="font-medium text-slate-600">Product</dt>
        <dd>{pkg.product || "—"}</dd>
        <dt className="font-medium text-slate-600">Version</dt>
        <dd>{pkg.productVersion || "—"}</dd>
        <dt className="font-medium text-slate-600">Workstation source directory</dt>
        <dd className="font-mono">{pkg.sourceDirectory || "—"}</dd>
        <dt className="font-medium text-slate-600">Sharing</dt>
        <dd>
          {pkg.sharing ? (
            <>
              <span className="font-mono">{pkg.sharing.sourceDirectory}</span> shared as <span className="font-mono">{pkg.sharing.shareName}</span> ({SHARE_ACCESS_LABELS[pkg.sharing.access]})
            </>
          ) : (
            "Not set up"
          )}
        </dd>
        <dt className="font-medium text-slate-600">Inventory</dt>
        <dd>{pkg.inventory ? `${pkg.inventory.isInventoried ? "Inventoried" : "Not inventoried"}; detection rule ${pkg.inventory.detectionRule || "—"}` : "Not set up"}</dd>
      </dl>
      {pkg.inventory && pkg.inventory.files.length > 0 && (
        <>
          <h2 className="mb-2 text-lg font-semibold">Detection files</h2>
          <div className="mb-6">
            <Table>
              <thead>
                <tr>
                  <Th>File</Th>
                  <Th>Name</Th>
                  <Th>Size</Th>
                  <Th>Date</Th>
                  <Th>Time</Th>
                  <Th>CRC</Th>
                  <Th>Other tests</Th>
                </tr>
              </thead>
              <tbody>
                {pkg.inventory.files.map((file, index) => (
                  <tr key={index}>
                    <Td>File {index + 1}</Td>
                    <Td className="font-mono">{file.fileName}</Td>
                    <Td>{file.size || "—"}</Td>
                    <Td>{file.date || "—"}</Td>
                    <Td>{file.time || "—"}</Td>
                    <Td className="font-mono">{file.crc || "—"}</Td>
                    <Td className="font-mono">
                      {(
                        [
                          ["Checksum", file.checksum],
                          ["BYTE", file.byte],
                          ["WORD", file.word],
                          ["LONG", file.long],
                          ["TOKEN 1", file.token1],
                          ["TOKEN 2", file.token2],
                          ["TOKEN 3", file.token3],
                          ["TOKEN 4", file.token4],
                        ] as const
                      )
                        .filter(([, value]) => value)
                        .map(([key, value]) => `${key}=${value}`)
                        .join("; ") || "—"}
                      {file.isCollected ? " (collected)" : ""}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </>
      )}
      <h2 className="mb-2 text-lg font-semibold">Facts for the requirement review</h2>
      <dl className="mb-6 grid gap-x-6 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[max-content_1fr]">
        {(
          [
            ["Source file count", numberOrUnknown(pkg.sourceFileCount)],
            ["Source size", numberOrUnknown(pkg.sourceSizeMegabytes, " MB")],
            ["Source is on an NTFS volume", yesNoUnknown(pkg.isSourceOnNtfs)],
            ["Source has long (non-8.3) file names", yesNoUnknown(pkg.hasLongFileNames)],
            ["Source changed since a job last sent it", yesNoUnknown(pkg.hasSourceChangedSinceLastSend)],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-2 text-lg font-semibold">Workstation command lines</h2>
      <Table>
        <thead>
          <tr>
            <Th>Command name</Th>
            <Th>Command line</Th>
            <Th>Properties</Th>
            <Th>Supported Platforms</Th>
            <Th className="text-right">OS mask</Th>
          </tr>
        </thead>
        <tbody>
          {pkg.commandLines.length === 0 && <EmptyRow colSpan={5}>No command lines. Edit the package to add one.</EmptyRow>}
          {pkg.commandLines.map((line) => (
            <tr key={line.id}>
              <Td>{line.commandName}</Td>
              <Td className="font-mono">{line.commandLine}</Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  <Flag isOn={line.isAutomated} label="Automated" />
                  <Flag isOn={line.isSystemTask} label="System (Background) Task" />
                  {line.isUserInputRequired !== null && <Badge tone="neutral">UserInputRequired={line.isUserInputRequired ? "TRUE" : "FALSE"}</Badge>}
                  <Flag isOn={line.isSynchronousSystemExitRequired} label="SynchronousSystemExitRequired" />
                  {line.restartsComputer && <Badge tone="warn">Restarts the computer</Badge>}
                  <Badge tone="neutral">{ADMINISTRATOR_RIGHTS[`${line.requiresAdministratorRights}`]}</Badge>
                </div>
              </Td>
              <Td>{line.supportedPlatforms.map((platform) => PLATFORM_LABELS[platform]).join(", ")}</Td>
              <Td className="text-right">
                <span className="font-mono">{operatingSystemMask(line.supportedPlatforms)}</span>
                {operatingSystemMaskNote(line.supportedPlatforms) && <p className="max-w-xs text-left text-xs text-slate-600">{operatingSystemMaskNote(line.supportedPlatforms)}</p>}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {canChangePackages && (
        <div className="mt-8 border-t border-slate-200 pt-4">
          <DeleteButton action={deletePackageAction.bind(null, pkg.packageId)} what={`package ${pkg.packageId}`} />
        </div>
      )}
    </>
  );
}

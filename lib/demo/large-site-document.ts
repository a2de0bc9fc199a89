import type { DocumentPackageInput } from "../packages/schema";
import { PLATFORMS } from "../platforms";
import type { SiteDocumentInput } from "../site-document/schema";
import { formatPackageId } from "../sms-id";
import { generateComputers } from "./computers";
import { buildDemoSiteDocument, GENERATED_SITES } from "./demo-site-document";

/**
 * The demo hierarchy scaled up: `computers` generated clients and `packages` generated packages
 * (each with two command lines), for trying every page and benchmark at size.
 */
export function buildLargeSiteDocument(options: { computers: number; packages: number }): SiteDocumentInput {
  const demo = buildDemoSiteDocument();
  const kbPackages = demo.packages ?? [];
  const generated: DocumentPackageInput[] = Array.from({ length: Math.max(0, options.packages - kbPackages.length) }, (_, index) => {
    const site = GENERATED_SITES[index % GENERATED_SITES.length]!;
    const platform = PLATFORMS[index % PLATFORMS.length]!;
    return {
      packageId: formatPackageId(site.code, 1000 + index),
      siteCode: site.code,
      name: `Generated package ${index + 1}`,
      comments: `Generated for scale testing (${platform}).`,
      sourceDirectory: `\\\\${site.logonServer}\\SOURCE\\GEN${index + 1}`,
      commandLines: [
        { commandName: "Unattended install", commandLine: "setup.exe /q", isAutomated: true, isSystemTask: index % 3 === 0, isUserInputRequired: false, isSynchronousSystemExitRequired: false, supportedPlatforms: [platform], restartsComputer: index % 7 === 0 },
        { commandName: "Interactive install", commandLine: "setup.exe", isAutomated: false, isSystemTask: false, isSynchronousSystemExitRequired: false, supportedPlatforms: [platform], restartsComputer: false },
      ],
    };
  });
  const computers = generateComputers(GENERATED_SITES, options.computers, 2026);
  const mdm = (demo.computers ?? []).filter((computer) => computer.smsId === "MDM00005");
  return {
    ...demo,
    computers: [...mdm, ...computers],
    machineGroups: (demo.machineGroups ?? []).map((group) => ({ ...group, members: (group.members ?? []).filter((smsId) => smsId === "MDM00005") })),
    packages: [...kbPackages, ...generated],
  };
}

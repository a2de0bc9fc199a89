import { packageInputOfDefinition } from "../pdf/package-input";
import { parsePackageDefinitionFile } from "../pdf/parse";
import type { DocumentPackageInput } from "../packages/schema";

/** OFF95STD.PDF exactly as Q140055 prints it (digest §5.17; the same bytes as lib/pdf/fixtures/OFF95STD.PDF). */
export const OFF95STD_PDF = [
  "   [PDF]",
  "   Version=1.0",
  "",
  "   [Package Definition]",
  "   Product=Microsoft Office 95",
  "   Version=7.0",
  "   Comment=Microsoft Office 95 Standard",
  "   SetupVariations=Compact, Typical, Complete, Workstation, Custom, Uninstall",
  "",
  "   [Compact Setup]",
  "   CommandLine=setup.exe /Q1 /B2",
  "   CommandName=Compact",
  "   UserInputRequired=FALSE",
  "   SupportedPlatforms=Windows95, Windows NT 3.1 (x86)",
  "",
  "   [Typical Setup]",
  "   CommandLine=setup.exe /Q1 /B1",
  "   CommandName=Typical",
  "   UserInputRequired=FALSE",
  "   SupportedPlatforms=Windows95, Windows NT 3.1 (x86)",
  "",
  "   [Complete Setup]",
  "   CommandLine=setup.exe /Q1 /B3",
  "   CommandName=Complete",
  "   UserInputRequired=FALSE",
  "   SupportedPlatforms=Windows95, Windows NT 3.1 (x86)",
  "",
  "   [Workstation Setup]",
  "   CommandLine=setup.exe /Q1 /B4",
  "   CommandName=Workstation",
  "   UserInputRequired=FALSE",
  "   SupportedPlatforms=Windows95, Windows NT 3.1 (x86)",
  "",
  "   [Custom Setup]",
  "   CommandLine=setup.exe",
  "   CommandName=Custom",
  "   UserInputRequired=TRUE",
  "   SupportedPlatforms=Windows95, Windows NT 3.1 (x86)",
  "",
  "   [Uninstall Setup]",
  "   CommandLine=setup.exe /Q1 /U",
  "   CommandName=Uninstall",
  "   UserInputRequired=TRUE",
  "   SupportedPlatforms=Windows95, Windows NT 3.1 (x86)",
  "",
  "   [Setup Package for Inventory]",
  "   InventoryThisPackage=TRUE",
  "   Detection Rule Part 1=File 1",
  "   ;Detection Rule Part 2=AND",
  "   ;Detection Rule Part 3=File 2",
  "",
  "   [File 1]",
  "   FILE=MSOFFICE.EXE",
  "   COLLECT=FALSE",
  "   Checksum=",
  "   DATE=7, 20, 95",
  "   SIZE=365056",
  "   TIME=12, 00",
].join("\n") + "\n";

/**
 * The demo's Office 95 package, imported from its PDF as Import PDF would, then given the source
 * and the share SMS needed: Workstations and Inventory from the PDF, Sharing for a Share Package
 * On Server job (Q140055, Q185342).
 */
export function office95DemoPackage(): DocumentPackageInput {
  const parsed = parsePackageDefinitionFile(OFF95STD_PDF);
  if (!parsed.ok) throw new Error(`OFF95STD.PDF does not read: ${parsed.problems.map((problem) => problem.message).join("; ")}`);
  const imported = packageInputOfDefinition(parsed.definition, parsed.lines, { siteCode: "BPC", fileName: "OFF95STD.PDF" });
  if (!imported.ok) throw new Error(`OFF95STD.PDF does not make a package: ${imported.problems.map((problem) => problem.message).join("; ")}`);
  return {
    ...imported.input,
    packageId: "BPC00021",
    sourceDirectory: "\\\\CNSAPPS1\\SOURCE\\OFF95",
    sharing: { sourceDirectory: "\\\\CNSAPPS1\\SOURCE\\OFF95", shareName: "OFF95", access: "READ" },
    sourceFileCount: 1180,
    sourceSizeMegabytes: 84,
    hasLongFileNames: false,
    isSourceOnNtfs: true,
  };
}

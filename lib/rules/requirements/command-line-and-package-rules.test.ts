import { describe, expect, it } from "vitest";
import { expectRuleCases, type RuleCase } from "../expect-rule-cases";
import { reviewCommandLine, reviewPackage } from "../review-package";
import { commandLineFixture, packageFixture, reviewContext, siteFixture } from "../test-context";

const mac = { supportedPlatforms: ["MACINTOSH" as const] };
const sizeBytes = 10 * 1024 ** 2;
const oldSite = siteFixture({ code: "OLD", smsVersion: "1.1", servicePack: 0 });

const cases: RuleCase[] = [
  { rule: "R1", expected: "fires", name: "service command line not automated", context: reviewContext({ commandLine: { isAutomated: false } }) },
  { rule: "R1", expected: "passes", name: "desktop command line not automated", context: reviewContext({ commandLine: { isAutomated: false, isSystemTask: false } }) },
  { rule: "R3", expected: "fires", name: "UserInputRequired=TRUE on a service job", context: reviewContext({ commandLine: { isUserInputRequired: true } }) },
  { rule: "R3", expected: "passes", name: "UserInputRequired=FALSE", context: reviewContext() },
  { rule: "R3", expected: "notChecked", name: "UserInputRequired not defined", context: reviewContext({ commandLine: { isUserInputRequired: null } }) },
  { rule: "R7", expected: "fires", name: "Q:\\App1 drive letter", context: reviewContext({ commandLine: { commandLine: "Q:\\App1\\setup.exe /q" } }) },
  { rule: "R7", expected: "fires", name: "drive-relative program C:setup.exe", context: reviewContext({ commandLine: { commandLine: "C:setup.exe" } }) },
  { rule: "R7", expected: "passes", name: "relative path with a file argument", context: reviewContext({ commandLine: { commandLine: "setup\\setup.exe /log=setup.log" } }) },
  { rule: "R8", expected: "fires", name: "UNC program path", context: reviewContext({ commandLine: { commandLine: "\\\\SMSSVR\\SMS_PKGD\\setup.exe" } }) },
  { rule: "R8", expected: "fires", name: "administrative share", context: reviewContext({ commandLine: { commandLine: "Smssvr\\D$\\apps\\setup.exe" } }) },
  { rule: "R8", expected: "passes", name: "relative to the source", context: reviewContext({ commandLine: { commandLine: "Install\\Setup.exe" } }) },
  { rule: "R10", expected: "fires", name: "Macintosh line with a space, unquoted", context: reviewContext({ commandLine: { ...mac, commandLine: "SMS Installer" } }) },
  { rule: "R10", expected: "passes", name: "Macintosh line quoted", context: reviewContext({ commandLine: { ...mac, commandLine: '"SMS Installer"' } }) },
  { rule: "R11", expected: "fires", name: "Macintosh subfolder without leading colon", context: reviewContext({ commandLine: { ...mac, commandLine: '"Master Set 1:Installer"' } }) },
  { rule: "R11", expected: "passes", name: "Macintosh subfolder with leading colon", context: reviewContext({ commandLine: { ...mac, commandLine: '":Master Set 1:Installer"' } }) },
  { rule: "R23", expected: "fires", name: "RESTART=S under the service", context: reviewContext({ commandLine: { commandLine: "setup.exe /s RESTART=S" } }) },
  { rule: "R23", expected: "passes", name: "RESTART=S wrapped in NTENCAP /NTz", context: reviewContext({ commandLine: { commandLine: "ntencap.exe /NTz:300 setup.exe /s RESTART=S" } }) },
  { rule: "R26", expected: "fires", name: "NT 4.0 service pack through the service (the demo's SP3 job)", context: reviewContext({ commandLine: { commandLine: "update.exe -u -z", restartsComputer: true, isSynchronousSystemExitRequired: true } }) },
  { rule: "R26", expected: "fires", name: "Ntencap-based NT upgrade as a background task", context: reviewContext({ commandLine: { commandLine: "ntencap.exe /NTu i386\\winnt32.exe /u:unattend.txt" } }) },
  { rule: "R26", expected: "passes", name: "NT upgrade run by the desktop PCM", context: reviewContext({ commandLine: { commandLine: "i386\\winnt32.exe /u:unattend.txt", isSystemTask: false } }) },
  { rule: "R26", expected: "passes", name: "an application setup through the service", context: reviewContext() },
  { rule: "R27", expected: "fires", name: "NT Setup offered to Windows 95", context: reviewContext({ commandLine: { commandLine: "winnt.exe /b /u:unattend.txt", isSystemTask: false, supportedPlatforms: ["WIN16", "WINDOWS95"] } }) },
  { rule: "R27", expected: "passes", name: "NT Setup for Windows 3.x only", context: reviewContext({ commandLine: { commandLine: "winnt.exe /b /u:unattend.txt", isSystemTask: false, supportedPlatforms: ["WIN16"] } }) },
  { rule: "R27", expected: "passes", name: "an application for Windows 95", context: reviewContext({ commandLine: { isSystemTask: false, supportedPlatforms: ["WINDOWS95"] } }) },
  { rule: "R24", expected: "fires", name: "restarts without SynchronousSystemExitRequired", context: reviewContext({ commandLine: { restartsComputer: true } }) },
  { rule: "R24", expected: "passes", name: "restarts with SynchronousSystemExitRequired", context: reviewContext({ commandLine: { restartsComputer: true, isSynchronousSystemExitRequired: true } }) },
  { rule: "R12", expected: "fires", name: "35-character name with an SMS 1.1 site", context: reviewContext({ otherSites: [oldSite], commandLine: { commandName: "A".repeat(35) } }) },
  { rule: "R12", expected: "passes", name: "34-character name with an SMS 1.1 site", context: reviewContext({ otherSites: [oldSite], commandLine: { commandName: "A".repeat(34) } }) },
  { rule: "R12", expected: "passes", name: "35-character name, SMS 1.2 sites only", context: reviewContext({ commandLine: { commandName: "A".repeat(35) } }) },
  { rule: "R19", expected: "fires", name: "no files in the source", context: reviewContext({ package: { sourceFileCount: 0 } }) },
  { rule: "R19", expected: "fires", name: "no source directory", context: reviewContext({ package: { sourceDirectory: "" } }) },
  { rule: "R19", expected: "passes", name: "one file", context: reviewContext({ package: { sourceFileCount: 1 } }) },
  { rule: "R19", expected: "notChecked", name: "file count not recorded", context: reviewContext({ package: { sourceFileCount: null } }) },
  { rule: "R21", expected: "fires", name: "Macintosh source not on NTFS", context: reviewContext({ commandLine: mac, package: { isSourceOnNtfs: false }, server: { hasServicesForMacintosh: true } }) },
  { rule: "R21", expected: "fires", name: "no distribution server with Services for Macintosh", context: reviewContext({ commandLine: mac }) },
  { rule: "R21", expected: "passes", name: "NTFS source and a Services for Macintosh server", context: reviewContext({ commandLine: mac, server: { hasServicesForMacintosh: true } }) },
  { rule: "R21", expected: "notChecked", name: "source file system not recorded", context: reviewContext({ commandLine: mac, package: { isSourceOnNtfs: null }, server: { hasServicesForMacintosh: true } }) },
  { rule: "R56", expected: "fires", name: "one byte short of four times the source", context: reviewContext({ site: { siteServerFreeDiskBytes: 4 * sizeBytes - 1 } }) },
  { rule: "R56", expected: "passes", name: "exactly four times the source", context: reviewContext({ site: { siteServerFreeDiskBytes: 4 * sizeBytes } }) },
  { rule: "R56", expected: "notChecked", name: "source size not recorded", context: reviewContext({ package: { sourceSizeBytes: null } }) },
];

describe("command-line and package rules in a job review", () => expectRuleCases(cases));

describe("reviewPackage and reviewCommandLine (the package form)", () => {
  const sites = new Map([["BPC", siteFixture()], ["OLD", oldSite]]);

  it("gives each command line its own finding, with the fix pointing at that line", () => {
    const lines = [commandLineFixture({ isAutomated: false }), commandLineFixture({ id: 2, commandName: "Uninstall", isAutomated: false })];
    const review = reviewPackage(packageFixture({ commandLines: lines }), sites);
    const r1 = review.findings.filter((finding) => finding.rule === "R1");
    expect(r1.map((finding) => [finding.subjects, finding.fix.field])).toEqual([
      [[{ kind: "commandLine", id: "1" }], "commandLines.0.isAutomated"],
      [[{ kind: "commandLine", id: "2" }], "commandLines.1.isAutomated"],
    ]);
  });

  it("flags names that share their first 34 characters when an SMS 1.1 site exists", () => {
    const prefix = "Automated Upgrade of (x86) NT Clien";
    const lines = [commandLineFixture({ commandName: `${prefix}t` }), commandLineFixture({ id: 2, commandName: `${prefix}ts` })];
    const finding = reviewPackage(packageFixture({ commandLines: lines }), sites).findings.find((entry) => entry.rule === "R12");
    expect(finding?.subjects).toEqual([{ kind: "commandLine", id: "1" }, { kind: "commandLine", id: "2" }]);
  });

  it("says nothing about two command names not typed yet", () => {
    const lines = [commandLineFixture({ commandName: "" }), commandLineFixture({ id: 2, commandName: " " })];
    expect(reviewPackage(packageFixture({ commandLines: lines }), sites).findings.map((entry) => entry.rule)).not.toContain("R12");
  });

  it("runs no job rule and checks only the NTFS half of R21 without servers", () => {
    const pkg = packageFixture({ commandLines: [commandLineFixture({ ...mac, commandLine: '"SMS Installer"' })] });
    expect(reviewPackage(pkg, sites)).toEqual({ findings: [], notChecked: [] });
    expect(reviewPackage({ ...pkg, isSourceOnNtfs: false }, sites).findings.map((finding) => finding.rule)).toEqual(["R21"]);
  });

  it("reviews a single unsaved command line by its position", () => {
    const review = reviewCommandLine(commandLineFixture({ id: 0, ...mac, commandLine: "SMS Installer" }), 3);
    expect(review.findings.map((finding) => [finding.rule, finding.subjects[0]?.id, finding.fix.field, finding.fix.value])).toEqual([
      ["R10", "new-3", "commandLines.3.commandLine", '"SMS Installer"'],
    ]);
  });

  it("counts the package's own site for disk space", () => {
    const review = reviewPackage(packageFixture({ sourceSizeBytes: 10 * 1024 ** 3 }), sites);
    expect(review.findings.map((finding) => [finding.rule, finding.subjects])).toEqual([["R56", [{ kind: "site", id: "BPC" }]]]);
  });
});

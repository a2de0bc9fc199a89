import { describe } from "vitest";
import type { ReviewComputer } from "../context";
import { expectRuleCases, type RuleCase } from "../expect-rule-cases";
import { computerFixture, reviewContext, serverFixture } from "../test-context";

const desktop = { isSystemTask: false };
const sp4 = (installedPcmHotfixes: string[] | null) => ({ smsClientServicePack: 4, installedPcmHotfixes });
const expiring = { runPhase: { isExpiring: true, expireAfter: "1998-04-01T00:00:00" } };
const windows95 = (changes: Partial<ReviewComputer>) => ({ platform: "WINDOWS95" as const, pcmVariant: "PCMWIN16" as const, ntRole: null, ...changes });
const netwareServers = (count: number) =>
  Array.from({ length: count }, (_, index) => serverFixture({ name: `NW${String(index + 1).padStart(2, "0")}`, serverType: 6, fileSystem: "NETWARE" }));
const onNetware = (count: number) => ({ distributionServers: netwareServers(count), target: { smsClientServicePack: 1, logonServer: "NW01" } });
const dosOnNetware = (isNetwareNetxClient: boolean | null) =>
  reviewContext({
    commandLine: { ...desktop, supportedPlatforms: ["DOS6"] },
    server: { serverType: 6, fileSystem: "NETWARE" },
    targets: [computerFixture({ platform: "DOS6", pcmVariant: "PCMDOS", ntRole: null, ntDomain: null, isPcmServiceInstalled: false, isPcmServiceRunning: false, isNetwareNetxClient })],
  });
const oldClient = (version: "1.0" | "1.1", logonServer: string, platform: "WIN32_X86" | "WIN16" = "WIN32_X86") =>
  reviewContext({ commandLine: { ...desktop, supportedPlatforms: [platform] }, target: { smsClientVersion: version, smsClientServicePack: 0, logonServer, platform } });

const cases: RuleCase[] = [
  { rule: "R2", expected: "fires", name: "desktop job, nobody logs on", context: reviewContext({ commandLine: desktop, target: { hasInteractiveUsers: false } }) },
  { rule: "R2", expected: "fires", name: "desktop admin install, users not administrators", context: reviewContext({ commandLine: desktop, target: { isPcmwin32AutoStart: true } }) },
  { rule: "R2", expected: "passes", name: "desktop admin install, users are administrators", context: reviewContext({ commandLine: desktop, target: { usersAreLocalAdministrators: true, isPcmwin32AutoStart: true } }) },
  { rule: "R2", expected: "passes", name: "desktop install needing no rights", context: reviewContext({ commandLine: { ...desktop, requiresAdministratorRights: false }, target: { isPcmwin32AutoStart: true } }) },
  { rule: "R2", expected: "notChecked", name: "admin rights need not recorded", context: reviewContext({ commandLine: { ...desktop, requiresAdministratorRights: null }, target: { isPcmwin32AutoStart: true } }) },
  { rule: "R9", expected: "fires", name: "UNC argument on Pcmwin16", context: reviewContext({ commandLine: { ...desktop, commandLine: "setup.exe /src=\\\\SRV\\APPS\\x" }, target: windows95({ ntDomain: null }) }) },
  { rule: "R9", expected: "passes", name: "UNC argument on Pcmwin32", context: reviewContext({ commandLine: { ...desktop, commandLine: "setup.exe /src=\\\\SRV\\APPS\\x" }, target: { usersAreLocalAdministrators: true } }) },
  { rule: "R9", expected: "fires", name: "UNC on the SP4 service without Q195937", context: reviewContext({ commandLine: { commandLine: "setup.exe /src=\\\\SRV\\APPS\\x" }, target: sp4([]) }) },
  { rule: "R9", expected: "passes", name: "UNC on the SP4 service with Q195937", context: reviewContext({ commandLine: { commandLine: "setup.exe /src=\\\\SRV\\APPS\\x" }, target: sp4(["Q195937"]) }) },
  { rule: "R9", expected: "notChecked", name: "UNC on SP4, hotfixes not recorded", context: reviewContext({ commandLine: { commandLine: "setup.exe /src=\\\\SRV\\APPS\\x" }, target: sp4(null) }) },
  { rule: "R25", expected: "fires", name: "SynchronousSystemExitRequired, optional, SP4 without Q193784", context: reviewContext({ commandLine: { ...desktop, isSynchronousSystemExitRequired: true }, job: { runPhase: { isMandatory: false } }, target: { ...sp4([]), usersAreLocalAdministrators: true } }) },
  { rule: "R25", expected: "passes", name: "same on SP3", context: reviewContext({ commandLine: { ...desktop, isSynchronousSystemExitRequired: true }, job: { runPhase: { isMandatory: false } }, target: { usersAreLocalAdministrators: true } }) },
  { rule: "R36", expected: "fires", name: "expiring job, SP3 clients", context: reviewContext({ job: expiring }) },
  { rule: "R36", expected: "passes", name: "expiring job, SP4 clients", context: reviewContext({ job: expiring, target: sp4(["Q255284"]) }) },
  { rule: "R37", expected: "fires", name: "expiring job, SP4 without Q255284", context: reviewContext({ job: expiring, target: sp4([]) }) },
  { rule: "R37", expected: "passes", name: "expiring job, SP4 with Q255284", context: reviewContext({ job: expiring, target: sp4(["Q255284"]) }) },
  { rule: "R37", expected: "notChecked", name: "expiring job, SP4, hotfixes not recorded", context: reviewContext({ job: expiring, target: sp4(null) }) },
  { rule: "R39", expected: "fires", name: "offer after now, SP1 client", context: reviewContext({ target: { smsClientServicePack: 1 } }) },
  { rule: "R39", expected: "passes", name: "offer after now, SP2 client (the fix)", context: reviewContext({ target: { smsClientServicePack: 2 } }) },
  { rule: "R39", expected: "passes", name: "offer and mandatory equal to now, SP1", context: reviewContext({ target: { smsClientServicePack: 1 }, job: { runPhase: { offerAfter: "1998-03-02T09:00:00", mandatoryAfter: "1998-03-02T09:00:00" } } }) },
  { rule: "R44", expected: "fires", name: "Windows 95 SP3 client, mandatory", context: reviewContext({ commandLine: { ...desktop, supportedPlatforms: ["WINDOWS95"] }, target: windows95({}) }) },
  { rule: "R44", expected: "fires", name: "Windows 95 adjusts for DST, site server does not", context: reviewContext({ site: { isDaylightSavingAdjusted: false }, target: windows95(sp4(["Q255284"])) }) },
  { rule: "R44", expected: "passes", name: "Windows 95 and site server both adjust", context: reviewContext({ target: windows95(sp4(["Q255284"])) }) },
  { rule: "R44", expected: "notChecked", name: "Windows 95 DST setting not recorded", context: reviewContext({ target: windows95({ ...sp4([]), isDaylightSavingAdjusted: null }) }) },
  { rule: "R45", expected: "fires", name: "client one hour west", context: reviewContext({ target: { utcOffsetMinutes: -360 } }) },
  { rule: "R45", expected: "passes", name: "client in the site's zone", context: reviewContext() },
  { rule: "R45", expected: "notChecked", name: "client zone not recorded", context: reviewContext({ target: { utcOffsetMinutes: null } }) },
  { rule: "R58", expected: "fires", name: "11 NetWare servers, SP1 NetWare client", context: reviewContext(onNetware(11)) },
  { rule: "R58", expected: "passes", name: "10 NetWare servers, SP1 NetWare client", context: reviewContext(onNetware(10)) },
  { rule: "R59", expected: "fires", name: "inventoried 7 days and 1 second ago", context: reviewContext({ target: { lastInventoryAt: "1998-02-23T08:59:59" } }) },
  { rule: "R59", expected: "passes", name: "inventoried exactly 7 days ago", context: reviewContext({ target: { lastInventoryAt: "1998-02-23T09:00:00" } }) },
  { rule: "R59", expected: "fires", name: "never inventoried", context: reviewContext({ target: { lastInventoryAt: null } }) },
  { rule: "R60", expected: "fires", name: "Alpha client, x86-only command line", context: reviewContext({ target: { platform: "WIN32_ALPHA" } }) },
  { rule: "R60", expected: "passes", name: "x86 client", context: reviewContext() },
  { rule: "R64", expected: "fires", name: "NT client on a NetWare logon server", context: reviewContext({ server: { serverType: 6, fileSystem: "NETWARE" } }) },
  { rule: "R64", expected: "passes", name: "NT client on an NT logon server", context: reviewContext() },
  { rule: "R64", expected: "notChecked", name: "logon server not recorded", context: reviewContext({ target: { logonServer: null } }) },
  { rule: "R75", expected: "fires", name: "clock 61 seconds ahead", context: reviewContext({ target: { clockOffsetSeconds: 61 } }) },
  { rule: "R75", expected: "fires", name: "clock 61 seconds behind", context: reviewContext({ target: { clockOffsetSeconds: -61 } }) },
  { rule: "R75", expected: "passes", name: "clock 60 seconds ahead", context: reviewContext({ target: { clockOffsetSeconds: 60 } }) },
  { rule: "R75", expected: "notChecked", name: "clock offset not recorded", context: reviewContext({ target: { clockOffsetSeconds: null } }) },
  { rule: "R77", expected: "fires", name: "logon server of another site", context: reviewContext({ server: { siteCode: "OLD" } }) },
  { rule: "R77", expected: "fires", name: "server no longer a logon server", context: reviewContext({ server: { isLogonServer: false } }) },
  { rule: "R77", expected: "passes", name: "current logon server", context: reviewContext() },
  { rule: "R77", expected: "notChecked", name: "logon server not recorded", context: reviewContext({ target: { logonServer: null } }) },
  { rule: "R78", expected: "fires", name: "SMS 1.0 client, 13-character logon server", context: oldClient("1.0", "ABCDEFGHIJKLM") },
  { rule: "R78", expected: "passes", name: "SMS 1.0 client, 12-character logon server", context: oldClient("1.0", "ABCDEFGHIJKL") },
  { rule: "R78", expected: "fires", name: "SMS 1.1 Windows 3.1 client, 12 characters", context: oldClient("1.1", "ABCDEFGHIJKL", "WIN16") },
  { rule: "R78", expected: "passes", name: "SMS 1.1 Windows 3.1 client, 11 characters", context: oldClient("1.1", "ABCDEFGHIJK", "WIN16") },
  { rule: "R80", expected: "fires", name: "DOS NETX client on NetWare", context: dosOnNetware(true) },
  { rule: "R80", expected: "passes", name: "DOS VLM client on NetWare", context: dosOnNetware(false) },
  { rule: "R80", expected: "notChecked", name: "DOS client on NetWare, shell not recorded", context: dosOnNetware(null) },
  { rule: "R82", expected: "fires", name: "DisableRandomPCMServers=LOCALONLY", context: reviewContext({ target: { disableRandomPcmServers: "LOCALONLY" } }) },
  { rule: "R82", expected: "passes", name: "default RANDOM", context: reviewContext() },
  { rule: "R82", expected: "notChecked", name: "setting not recorded", context: reviewContext({ target: { disableRandomPcmServers: null } }) },
];

describe("target rules", () => expectRuleCases(cases));

import { describe } from "vitest";
import { expectRuleCases, type RuleCase } from "../expect-rule-cases";
import { reviewContext } from "../test-context";

const notMandatory = { runPhase: { isMandatory: false, mandatoryAfter: undefined } };
const sp = (servicePack: number) => ({ smsClientServicePack: servicePack });

const cases: RuleCase[] = [
  { rule: "R4", expected: "fires", name: "not mandatory, SP2 service", context: reviewContext({ job: notMandatory, target: sp(2) }) },
  { rule: "R4", expected: "passes", name: "not mandatory, SP3 service (the fix)", context: reviewContext({ job: notMandatory, target: sp(3) }) },
  { rule: "R4", expected: "passes", name: "mandatory, SP2 service", context: reviewContext({ target: sp(2) }) },
  { rule: "R5", expected: "fires", name: "not mandatory, SP3, UserInputRequired not in the PDF", context: reviewContext({ job: notMandatory, commandLine: { isUserInputRequired: null } }) },
  { rule: "R5", expected: "passes", name: "not mandatory, SP3, UserInputRequired=FALSE", context: reviewContext({ job: notMandatory }) },
  { rule: "R5", expected: "passes", name: "not mandatory, SP2 (R4's case)", context: reviewContext({ job: notMandatory, target: sp(2), commandLine: { isUserInputRequired: null } }) },
  { rule: "R6", expected: "fires", name: "not mandatory, SP3, UserInputRequired=FALSE", context: reviewContext({ job: notMandatory }) },
  { rule: "R6", expected: "passes", name: "mandatory", context: reviewContext() },
  { rule: "R6", expected: "passes", name: "not mandatory, SP2", context: reviewContext({ job: notMandatory, target: sp(2) }) },
  { rule: "R15", expected: "fires", name: "Mtrun under the SP1 service", context: reviewContext({ commandLine: { commandLine: "mtrun.exe install.pc6" }, target: sp(1) }) },
  { rule: "R15", expected: "passes", name: "Mtrun under the SP2 service", context: reviewContext({ commandLine: { commandLine: "mtrun.exe install.pc6" }, target: sp(2) }) },
  { rule: "R61", expected: "fires", name: "not a domain member", context: reviewContext({ target: { ntDomain: null } }) },
  { rule: "R61", expected: "fires", name: "SMS 1.1 client", context: reviewContext({ target: { smsClientVersion: "1.1", smsClientServicePack: 0 } }) },
  { rule: "R61", expected: "fires", name: "Windows 95 client", context: reviewContext({ target: { platform: "WINDOWS95", pcmVariant: "PCMWIN16", ntDomain: null, isPcmServiceInstalled: false, isPcmServiceRunning: false } }) },
  { rule: "R61", expected: "fires", name: "MIPS client with the service installed (Q167114: Intel or Alpha)", context: reviewContext({ target: { platform: "WIN32_MIPS" }, commandLine: { supportedPlatforms: ["WIN32_X86", "WIN32_MIPS"] } }) },
  { rule: "R61", expected: "passes", name: "SMS 1.2 NT domain member", context: reviewContext() },
  { rule: "R61", expected: "passes", name: "Alpha domain member", context: reviewContext({ target: { platform: "WIN32_ALPHA" }, commandLine: { supportedPlatforms: ["WIN32_ALPHA"] } }) },
  { rule: "R62", expected: "fires", name: "MIPS client", context: reviewContext({ target: { platform: "WIN32_MIPS" }, commandLine: { supportedPlatforms: ["WIN32_X86", "WIN32_MIPS"] } }) },
  { rule: "R62", expected: "passes", name: "Alpha client", context: reviewContext({ target: { platform: "WIN32_ALPHA" }, commandLine: { supportedPlatforms: ["WIN32_ALPHA"] } }) },
  { rule: "R63", expected: "fires", name: "service installed but stopped", context: reviewContext({ target: { isPcmServiceRunning: false } }) },
  { rule: "R63", expected: "fires", name: "service not installed", context: reviewContext({ target: { isPcmServiceInstalled: false, isPcmServiceRunning: false } }) },
  { rule: "R63", expected: "passes", name: "service running", context: reviewContext() },
  { rule: "R63", expected: "passes", name: "MIPS client without the service (R61's case: there is none to install)", context: reviewContext({ target: { platform: "WIN32_MIPS", isPcmServiceInstalled: false, isPcmServiceRunning: false }, commandLine: { supportedPlatforms: ["WIN32_MIPS"] } }) },
  { rule: "R67", expected: "fires", name: "file dated the day before the SP3 files", context: reviewContext({ target: { pcmServiceFileDate: "1997-10-07" } }) },
  { rule: "R67", expected: "passes", name: "SP3 files (10/08/97)", context: reviewContext({ target: { pcmServiceFileDate: "1997-10-08" } }) },
  { rule: "R67", expected: "fires", name: "BackOffice Resource Kit copy (02/24/98)", context: reviewContext({ target: { pcmServiceFileDate: "1998-02-24" } }) },
  { rule: "R67", expected: "notChecked", name: "file date not recorded", context: reviewContext({ target: { pcmServiceFileDate: null } }) },
  { rule: "R68", expected: "fires", name: "Ms\\Sms\\Bin, automatic, SP2", context: reviewContext({ target: { ...sp(2), pcmServiceInstallDirectory: "C:\\MS\\SMS\\BIN" } }) },
  { rule: "R68", expected: "passes", name: "Ms\\Sms\\Bin, automatic, SP3 (the fix)", context: reviewContext({ target: { ...sp(3), pcmServiceInstallDirectory: "C:\\MS\\SMS\\BIN" } }) },
  { rule: "R68", expected: "passes", name: "Ms\\Sms\\Bin, manual, SP2", context: reviewContext({ target: { ...sp(2), pcmServiceInstallDirectory: "C:\\MS\\SMS\\BIN", pcmServiceStartType: "MANUAL" } }) },
  { rule: "R68", expected: "notChecked", name: "install directory not recorded, SP2", context: reviewContext({ target: { ...sp(2), pcmServiceInstallDirectory: null } }) },
  { rule: "R69", expected: "fires", name: "Pcmwin32 auto-starts, SP1", context: reviewContext({ target: { ...sp(1), isPcmwin32AutoStart: true } }) },
  { rule: "R69", expected: "passes", name: "Pcmwin32 auto-starts, SP2 (the fix)", context: reviewContext({ target: { ...sp(2), isPcmwin32AutoStart: true } }) },
  { rule: "R69", expected: "notChecked", name: "auto-start not recorded, SP1", context: reviewContext({ target: { ...sp(1), isPcmwin32AutoStart: null } }) },
  { rule: "R69", expected: "fires", name: "desktop job, Pcmwin32 not loaded at logon, SP3 (Q164657)", context: reviewContext({ commandLine: { isSystemTask: false }, target: { isPcmwin32AutoStart: false } }) },
  { rule: "R69", expected: "passes", name: "desktop job, Pcmwin32 loaded at logon", context: reviewContext({ commandLine: { isSystemTask: false }, target: { isPcmwin32AutoStart: true } }) },
  { rule: "R69", expected: "passes", name: "desktop job on Pcmwin16", context: reviewContext({ commandLine: { isSystemTask: false, supportedPlatforms: ["WIN16"] }, target: { platform: "WIN16", pcmVariant: "PCMWIN16", isPcmwin32AutoStart: false } }) },
  { rule: "R70", expected: "fires", name: "account lacks Log on as a service", context: reviewContext({ target: { pcmServiceAccountCanLogOnAsService: false } }) },
  { rule: "R70", expected: "passes", name: "account has every right", context: reviewContext() },
  // Every unmet prerequisite at once: a machine without the service and without the rights gets R63 and R70 together.
  { rule: "R70", expected: "fires", name: "service not installed, account rights not granted", context: reviewContext({ target: { isPcmServiceInstalled: false, isPcmServiceRunning: false, pcmServiceAccountIsLocalAdmin: false } }) },
  { rule: "R63", expected: "fires", name: "service not installed, account rights not granted", context: reviewContext({ target: { isPcmServiceInstalled: false, isPcmServiceRunning: false, pcmServiceAccountIsLocalAdmin: false } }) },
  { rule: "R72", expected: "fires", name: "users are local administrators", context: reviewContext({ target: { usersAreLocalAdministrators: true } }) },
  { rule: "R72", expected: "passes", name: "users are not administrators, directory protected", context: reviewContext() },
  { rule: "R72", expected: "notChecked", name: "directory permissions not recorded", context: reviewContext({ target: { isPcmServiceDirectoryUserWritable: null } }) },
  { rule: "R74", expected: "fires", name: "SMS server across a slow link, SP3 site", context: reviewContext({ target: { name: "CNS-SMS", networkLink: "SLOW" } }) },
  { rule: "R74", expected: "passes", name: "SMS server across a slow link, SP4 site", context: reviewContext({ target: { name: "CNS-SMS", networkLink: "SLOW" }, site: { servicePack: 4 } }) },
];

describe("PCM service target rules", () => expectRuleCases(cases));

import type { RuleCode, RuleScope, Severity } from "./rule";

/** A catalogue rule the console cannot decide from what it holds, with the one-line reason. */
export interface NotDecidableRule {
  code: RuleCode;
  title: string;
  severity: Severity;
  scope: RuleScope;
  sources: readonly string[];
  reason: string;
}

const PROGRAM = "it depends on what the launched program does, which the console does not know";

export const NOT_DECIDABLE_RULES: readonly NotDecidableRule[] = [
  { code: "R13", title: "Two-phase setups lose the package connection", severity: "warning", scope: "commandLine", sources: ["Q156271", "Q128612", "Q152084", "Q150089", "Q153819", "Q158734"], reason: `Whether Setup.exe spawns a second program and exits: ${PROGRAM}; a plain "setup.exe" names no setup technology.` },
  { code: "R14", title: "16-bit setups under the PCM service", severity: "warning", scope: "commandLine", sources: ["Q186410", "Q173282"], reason: "Whether the installer is a 16-bit (WIN16/WIN32 SMS Installer) build is a property of the file, not of anything the console records." },
  { code: "R16", title: "Visual Test 4.0 scripts on Windows 95", severity: "error", scope: "commandLine", sources: ["Q151735", "Q145793"], reason: "Which test runtime a script needs is not visible in the command line or recorded by the console." },
  { code: "R17", title: "Program groups and shortcuts from the PCM service", severity: "warning", scope: "commandLine", sources: ["Q172872"], reason: `Whether setup creates program groups or personal shortcuts: ${PROGRAM}.` },
  { code: "R18", title: "HKEY_CURRENT_USER changes under the PCM service", severity: "info", scope: "commandLine", sources: ["Q185338"], reason: `Whether setup writes HKEY_CURRENT_USER: ${PROGRAM}.` },
  // Revisit when PDF import keeps the original SupportedPlatforms strings.
  { code: "R28", title: "Versioned Windows NT platform strings in a PDF", severity: "info", scope: "commandLine", sources: ["Q150799"], reason: "PDF platform strings are mapped to platforms on import; the console keeps the platforms, not the PDF's original strings." },
  { code: "R29", title: "PDF CRC values need commas", severity: "warning", scope: "package", sources: ["Q167631"], reason: "The console does not hold a PDF's inventory ([File n]) sections." },
  { code: "R30", title: "Status MIF names in SMS Installer builds", severity: "warning", scope: "package", sources: ["Q200437", "Q200439"], reason: "SMS Installer script settings (status MIF name, build type) live in the installer, not in the console." },
  { code: "R40", title: "Repeated jobs keep the original Mandatory After (SMS 1.1)", severity: "warning", scope: "job", sources: ["Q141192"], reason: "The console's jobs have no repeat schedule (Schedule dialog, Repeat); each job runs once." },
  { code: "R52", title: "Site-group targets ignore subsite exclusion (SMS 1.1)", severity: "warning", scope: "job", sources: ["Q153205"], reason: "The console's job targets are machine paths, computers, machine groups and queries, never site groups." },
  { code: "R73", title: "Password expiry and lockouts", severity: "info", scope: "target", sources: ["Q230242"], reason: "Domain account policies and whether users lock rather than log off are not recorded." },
  { code: "R79", title: "No logon server at PCM startup", severity: "info", scope: "target", sources: ["Q188578"], reason: "Whether a logon server is reachable when each client starts is a run-time condition the console cannot see." },
  { code: "R86", title: "Rebuilding a secondary site", severity: "info", scope: "site", sources: ["Q183347", "Q183348"], reason: "Site rebuilds and reinstalls happen outside the console." },
  { code: "R87", title: "Deleting .INS files by hand", severity: "info", scope: "target", sources: ["Q269768", "Q188042"], reason: "Deleting instruction files is done on the servers, outside the console, which generates .INS files from its jobs." },
  { code: "R88", title: "Resetting local PCM history", severity: "warning", scope: "target", sources: ["Q229809"], reason: "A client's local Pcmhist.reg is not visible to the console." },
];

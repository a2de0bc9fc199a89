import { runsNtServicePackUpdate, runsWindowsNtSetup } from "../command-line-text";
import type { CommandLineRule } from "../rule";
import { commandLineField, commandLineSubject } from "../subjects";

/**
 * R26 (Q135584, Q164329, Q158644, Q164887, Q188063): Windows NT upgrades and service packs run by the
 * PCM service hang at shutdown, repeat for ever or fail. Read from the command line: NT Setup
 * (WINNT, WINNT32) or a service pack's UPDATE.EXE -u, alone or under NTENCAP.
 */
export const osUpgradeUnderService: CommandLineRule = {
  kind: "commandLine",
  code: "R26",
  title: "OS upgrades and service packs through the PCM service",
  severity: "warning",
  scope: "commandLine",
  gate: null,
  sources: ["Q135584", "Q164329", "Q158644", "Q164887", "Q188063"],
  undecidablePart:
    "An upgrade started some other way (a batch file such as Q135584's sp1.bat, a renamed setup) and SMS 1.2 SP3's own setup (Q188063, an error) cannot be told from the command line, whose program the KB does not name.",
  why:
    "Under the PCM service NT 4.0 Service Pack 2 hangs at shutdown (Q164329), an NT 4.0 upgrade as a background task with nobody logged on repeats for ever (Q158644), " +
    "Ntencap-based upgrades were marked failed and re-run at the next service start before SP2 (Q164887), and NT 3.51 SP1 must not run from Pcmsvc32 (Q135584). " +
    "The console recognises NT Setup (WINNT, WINNT32) and a service pack's unattended UPDATE.EXE -u in the command line, alone or under NTENCAP.",
  check({ line, index }) {
    if (!line.isSystemTask) return null;
    const what = runsWindowsNtSetup(line.commandLine) ? "Windows NT Setup" : runsNtServicePackUpdate(line.commandLine) ? "a Windows NT service pack (UPDATE.EXE -u)" : null;
    if (!what) return null;
    return {
      finding: {
        message: `Command line "${line.commandName}" runs ${what} as a System (Background) Task: this upgrade is known to hang, repeat or fail under the PCM service; use the desktop PCM (SMS 1.2 SP3 cannot be deployed by the service at all).`,
        subjects: [commandLineSubject(line, index)],
        fix: { form: "package", field: commandLineField(index, "isSystemTask"), value: false, text: "Clear 'System (Background) Task' so the desktop PCM runs the upgrade with a user logged on." },
      },
    };
  },
};

import { ntencapShutdownDelaySeconds, usesInstallerRestart } from "../command-line-text";
import type { CommandLineRule } from "../rule";
import { commandLineField, commandLineSubject } from "../subjects";

/** R23 (Q171070): SMS Installer's own restart does not happen under the PCM service. */
export const installerRestartUnderService: CommandLineRule = {
  kind: "commandLine",
  code: "R23",
  title: "SMS Installer restart under the PCM service",
  severity: "warning",
  scope: "commandLine",
  gate: null,
  sources: ["Q171070"],
  why:
    "Service jobs can run with nobody logged on or the workstation locked. SMS Installer's restart (RESTART=S) needs an interactive Explorer or Program Manager shell, " +
    "so the computer is not restarted though the job is marked complete. NTENCAP /NTz:<seconds> performs the restart from the service.",
  check({ line, index }) {
    if (!line.isSystemTask || !usesInstallerRestart(line.commandLine) || ntencapShutdownDelaySeconds(line.commandLine) !== null) return null;
    return {
      finding: {
        message: `Command line "${line.commandName}" relies on the SMS Installer restart, which does not happen under the PCM service without an interactive shell; wrap it with NTENCAP /NTz:<seconds>.`,
        subjects: [commandLineSubject(line, index)],
        fix: { form: "package", field: commandLineField(index, "commandLine"), text: "Run it as NTENCAP.EXE /NTz:300 <program> /s so the service restarts the computer after a 5-minute warning." },
      },
    };
  },
};

import type { CommandLineRule } from "../rule";
import { commandLineField, commandLineSubject } from "../subjects";

/** R24 (Q175652): PCM cannot record completion on a forced restart without SynchronousSystemExitRequired. */
export const restartWithoutSynchronousExit: CommandLineRule = {
  kind: "commandLine",
  code: "R24",
  title: "Forced restarts need SynchronousSystemExitRequired",
  severity: "warning",
  scope: "commandLine",
  gate: null,
  sources: ["Q175652"],
  why:
    "PCM records completion when the launched process ends, or on WM_ENDSESSION for a graceful shutdown. A forced ExitWindowsEx(EWX_REBOOT|EWX_FORCE) leaves the command in Pending. " +
    "SP4 PCM marks the job executed as soon as the program starts when the PDF sets SynchronousSystemExitRequired=TRUE. " +
    "The console knows only that the command restarts the computer, not whether the restart is forced, so the message says 'if'.",
  check({ line, index }) {
    if (!line.restartsComputer || line.isSynchronousSystemExitRequired) return null;
    return {
      finding: {
        message: `Command line "${line.commandName}" restarts the computer: if it forces the restart, PCM cannot record completion unless the PDF sets SynchronousSystemExitRequired=TRUE.`,
        subjects: [commandLineSubject(line, index)],
        fix: { form: "package", field: commandLineField(index, "isSynchronousSystemExitRequired"), value: true, text: "Set SynchronousSystemExitRequired (PDF key) for this command line." },
      },
    };
  },
};

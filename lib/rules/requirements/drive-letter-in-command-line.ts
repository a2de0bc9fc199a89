import { hasDriveLetterPath } from "../command-line-text";
import type { CommandLineRule } from "../rule";
import { commandLineField, commandLineSubject } from "../subjects";

/** R7 (Q160566, Q193224): no drive letters in a command line. */
export const driveLetterInCommandLine: CommandLineRule = {
  kind: "commandLine",
  code: "R7",
  title: "No drive letters in the command line",
  severity: "error",
  scope: "commandLine",
  gate: null,
  sources: ["Q160566", "Q193224"],
  why:
    "PCM connects to a distribution server and makes the package directory current before it launches the command. " +
    "SMS 1.2 PCM looks for a drive-letter path inside the package and reports it cannot find the file, and the SP4 PCM service crashes with an access violation. " +
    "The check looks for any drive-letter path in the text, arguments included.",
  check({ line, index }) {
    if (!hasDriveLetterPath(line.commandLine)) return null;
    return {
      finding: {
        message: `Command line "${line.commandName}" names a drive letter: PCM looks for the file inside the package (1.2) and the SP4 PCM service crashes (AV).`,
        subjects: [commandLineSubject(line, index)],
        fix: { form: "package", field: commandLineField(index, "commandLine"), text: "Write the path relative to the package source directory, e.g. setup\\setup.exe." },
      },
    };
  },
};

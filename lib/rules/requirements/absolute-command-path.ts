import { hasAbsoluteProgramPath } from "../command-line-text";
import type { CommandLineRule } from "../rule";
import { commandLineField, commandLineSubject } from "../subjects";

/** R8 (Q126644, Q107244): the program path is relative to the package source directory. */
export const absoluteCommandPath: CommandLineRule = {
  kind: "commandLine",
  code: "R8",
  title: "Command path relative to the package source",
  severity: "error",
  scope: "commandLine",
  gate: null,
  sources: ["Q126644", "Q107244"],
  why:
    "PCM runs the command from the package directory on whichever distribution server it connected to, so the program path must be relative to the package source (Install\\Setup.exe). " +
    "A UNC path, a rooted path or an administrative share (Smssvr\\D$\\…) points outside the package.",
  check({ line, index }) {
    if (!hasAbsoluteProgramPath(line.commandLine)) return null;
    return {
      finding: {
        message: `Command line "${line.commandName}" uses an absolute path: paths must be relative to the package source directory (e.g. Install\\Setup.exe).`,
        subjects: [commandLineSubject(line, index)],
        fix: { form: "package", field: commandLineField(index, "commandLine"), text: "Make the program path relative to the package source directory." },
      },
    };
  },
};

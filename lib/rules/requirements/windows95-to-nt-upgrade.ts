import { runsWindowsNtSetup } from "../command-line-text";
import type { CommandLineRule } from "../rule";
import { commandLineField, commandLineSubject } from "../subjects";

/** R27 (Q150356): Windows 95 cannot be upgraded to Windows NT. */
export const windows95ToNtUpgrade: CommandLineRule = {
  kind: "commandLine",
  code: "R27",
  title: "Windows 95 cannot be upgraded to Windows NT",
  severity: "error",
  scope: "commandLine",
  gate: null,
  sources: ["Q150356"],
  undecidablePart: "An NT installation started some other way (a batch file, a renamed setup) cannot be told from the command line.",
  why:
    'Windows NT Setup cannot upgrade Windows 95 in place: the job ends with "The operating system installation package could not be completed." (Q150356). ' +
    "A command line that runs NT Setup (WINNT, WINNT32, alone or under NTENCAP) with Windows 95 among its Supported Platforms sends Windows 95 computers an upgrade that fails.",
  check({ line, index }) {
    if (!line.supportedPlatforms.includes("WINDOWS95") || !runsWindowsNtSetup(line.commandLine)) return null;
    return {
      finding: {
        message: `Command line "${line.commandName}" runs Windows NT Setup and supports Windows 95: Windows 95 cannot be upgraded to Windows NT; install NT into a different directory instead.`,
        subjects: [commandLineSubject(line, index)],
        fix: {
          form: "package",
          field: commandLineField(index, "supportedPlatforms"),
          value: line.supportedPlatforms.filter((platform) => platform !== "WINDOWS95"),
          text: "Take Windows 95 out of Supported Platforms; install NT on those computers into a different directory with a separate command line.",
        },
      },
    };
  },
};

import type { CommandLineRule } from "../rule";
import { commandLineField, commandLineSubject } from "../subjects";

/** R1 (Q166765, Q126644, Q188063): the PCM service runs only command lines marked "Automated Command Line". */
export const serviceCommandLineNotAutomated: CommandLineRule = {
  kind: "commandLine",
  code: "R1",
  title: "Service command line must be automated",
  severity: "error",
  scope: "commandLine",
  gate: null,
  sources: ["Q166765", "Q126644", "Q188063"],
  why:
    "A System (Background) Task is run by the PCM service (Pcmsvc32) with nobody at the console. " +
    "Q166765 lists 'Automated Command Line' among the service's requirements: the command line must be designated as automated in Command Line Properties.",
  check({ line, index }) {
    if (!line.isSystemTask || line.isAutomated) return null;
    return {
      finding: {
        message: `Command line "${line.commandName}" must be marked 'Automated Command Line' to be run by the PCM service.`,
        subjects: [commandLineSubject(line, index)],
        fix: { form: "package", field: commandLineField(index, "isAutomated"), value: true, text: "Tick 'Automated Command Line'." },
      },
    };
  },
};

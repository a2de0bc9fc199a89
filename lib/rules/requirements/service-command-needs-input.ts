import type { CommandLineRule } from "../rule";
import { commandLineField, commandLineSubject } from "../subjects";

/** R3 (Q166765, Q125934, Q126644, Q214448, Q201764): service jobs must run with no input, windows or console I/O. */
export const serviceCommandNeedsInput: CommandLineRule = {
  kind: "commandLine",
  code: "R3",
  title: "Service jobs must run silently",
  severity: "error",
  scope: "commandLine",
  gate: null,
  sources: ["Q166765", "Q125934", "Q126644", "Q214448", "Q201764"],
  why:
    "Pcmsvc32 has no access to the local console, so any prompt or console I/O fails or waits forever. " +
    "PCM polls the launched process until it ends and starts nothing else meanwhile, so a waiting setup blocks every later PCM job and never reports status. " +
    "The console knows only the PDF's UserInputRequired value; when the PDF did not define it, this is reported as not checked.",
  check({ line, index }) {
    if (!line.isSystemTask) return null;
    if (line.isUserInputRequired === null) {
      return { notChecked: `command line "${line.commandName}" does not say whether it needs user input (UserInputRequired not defined)` };
    }
    if (!line.isUserInputRequired) return null;
    return {
      finding: {
        message: `Command line "${line.commandName}" requires user input, but PCM service jobs must run completely silently: no user input, no windows, no console I/O. A waiting process blocks every later PCM job and the job never reports status.`,
        subjects: [commandLineSubject(line, index)],
        fix: {
          form: "package",
          field: commandLineField(index, "commandLine"),
          text: "Use the program's silent/unattended switches (and a PDF with UserInputRequired=FALSE), or clear System (Background) Task so the desktop PCM runs it.",
        },
      },
    };
  },
};

import { isQuoted } from "../command-line-text";
import type { CommandLineRule } from "../rule";
import { commandLineField, commandLineSubject } from "../subjects";

/** R10 (Q166245, Q123499): quote Macintosh command lines that contain spaces. */
export const unquotedMacintoshCommand: CommandLineRule = {
  kind: "commandLine",
  code: "R10",
  title: "Quote Macintosh command lines with spaces",
  severity: "error",
  scope: "commandLine",
  gate: null,
  sources: ["Q166245", "Q123499"],
  why: 'Macintosh file names may contain spaces; PCMMAC fails with error -43 unless the whole command line is quoted ("SMS Installer").',
  check({ line, index }) {
    const text = line.commandLine.trim();
    if (!line.supportedPlatforms.includes("MACINTOSH") || !/\s/.test(text) || isQuoted(text)) return null;
    return {
      finding: {
        message: `Command line "${line.commandName}" runs on Macintosh and contains spaces: quote it (PCMMAC error -43).`,
        subjects: [commandLineSubject(line, index)],
        fix: { form: "package", field: commandLineField(index, "commandLine"), value: `"${text}"`, text: "Put the command line in double quotes." },
      },
    };
  },
};

import { unquoted } from "../command-line-text";
import type { CommandLineRule } from "../rule";
import { commandLineField, commandLineSubject } from "../subjects";

/** R11 (Q121234): Macintosh subfolder paths use ':' and start with ':'. */
export const macintoshPathWithoutColon: CommandLineRule = {
  kind: "commandLine",
  code: "R11",
  title: "Macintosh subfolder paths start with a colon",
  severity: "error",
  scope: "commandLine",
  gate: null,
  sources: ["Q121234"],
  why:
    'The Macintosh separates folders with ":" and a path relative to the package folder starts with one (":Master Set 1:Installer"). ' +
    "A backslash, a slash or a colon-separated path without the leading colon does not name the subfolder.",
  check({ line, index }) {
    if (!line.supportedPlatforms.includes("MACINTOSH")) return null;
    const path = unquoted(line.commandLine);
    const pointsIntoFolder = /[\\/]/.test(path) || (path.includes(":") && !path.startsWith(":"));
    if (!pointsIntoFolder) return null;
    return {
      finding: {
        message: `Command line "${line.commandName}" runs on Macintosh: subfolder paths use ':' and must start with ':' (e.g. ":Master Set 1:Installer").`,
        subjects: [commandLineSubject(line, index)],
        fix: { form: "package", field: commandLineField(index, "commandLine"), text: 'Write the path as ":Folder:Program", quoted if it has spaces.' },
      },
    };
  },
};

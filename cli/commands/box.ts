import { parseArgs } from "node:util";
import { generateInstructionBox } from "@/lib/data/instruction-box";
import { currentWallClock } from "@/lib/wall-clock";
import { syncInstructionBox, type BoxSyncAction } from "../box-sync";
import { UsageError, type Command } from "../command";
import { formatCount, resolveFromCaller } from "../output";

const USAGE = `Usage: sms box sync DIR [--dry-run] [--verbose]

Writes the console's instruction box to DIR, e.g. a logon server's PCMINS.BOX share: one
<SMS ID>.INS for each client that an active job offers something now, generated from the
database. Only files whose bytes changed are written, each to a temporary file in DIR that is
then renamed over the old one, so a client never reads half a file. The <SMS ID>.INS files of
clients that no longer have records are removed; no other file in DIR is touched. DIR is
created when missing. Prints what changed.

  --dry-run   say what would change, change nothing
  --verbose   also name each file: wrote, unchanged or removed`;

const DRY_RUN_WORDS: Record<BoxSyncAction, string> = { wrote: "would write", unchanged: "unchanged", removed: "would remove" };

export const boxCommand: Command = {
  name: "box",
  summary: "Write the instruction box (every <SMS ID>.INS) to a directory",
  usage: USAGE,
  async run(args) {
    const [verb, ...rest] = args;
    if (verb !== "sync") throw new UsageError(verb ? `unknown box command "${verb}"; run "sms box --help"` : 'box needs a command; run "sms box --help"');
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { "dry-run": { type: "boolean" }, verbose: { type: "boolean" } } });
    const [directory, ...extra] = positionals;
    if (!directory || extra.length > 0) throw new UsageError("box sync needs exactly one DIR");
    const isDryRun = values["dry-run"] ?? false;
    const summary = await syncInstructionBox({
      directory: resolveFromCaller(directory),
      directoryLabel: directory,
      files: generateInstructionBox({ now: currentWallClock() }),
      isDryRun,
      onFile: values.verbose ? (action, fileName) => console.log(`  ${(isDryRun ? DRY_RUN_WORDS[action] : action).padEnd(12)} ${fileName}`) : undefined,
    });
    const counts = [summary.written, summary.unchanged, summary.removed].map(formatCount);
    const files = `${formatCount(summary.fileCount)} ${summary.fileCount === 1 ? "file" : "files"}`;
    console.log(
      isDryRun
        ? `Would write ${counts[0]}, unchanged ${counts[1]}, would remove ${counts[2]} (${directory} would hold ${files}); nothing was changed`
        : `Wrote ${counts[0]}, unchanged ${counts[1]}, removed ${counts[2]} (${files} in ${directory})`,
    );
    return 0;
  },
};

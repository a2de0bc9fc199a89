import { parseArgs } from "node:util";
import { generateInstructionBox } from "@/lib/data/instruction-box/instruction-box";
import { changeInstructionBoxAccess, getInstructionBoxAccess, type InstructionBoxAccessChange } from "@/lib/data/instruction-box/instruction-box-access";
import { ACCESS_TOKEN_HEADER, instructionBoxAccessInputSchema } from "@/lib/instruction-box/access-token";
import { siteCodeSchema } from "@/lib/sites/schema";
import { DomainError } from "@/lib/errors";
import { currentWallClock } from "@/lib/wall-clock";
import { syncInstructionBox, type BoxSyncAction } from "../box-sync";
import { UsageError, type Command } from "../command";
import { formatCount, resolveFromCaller } from "../output";

const USAGE = `Usage: sms box sync DIR [--dry-run] [--verbose]
       sms box access --site CODE [--open | --token]
       sms box token --site CODE

sync: writes the console's instruction box to DIR, e.g. a logon server's PCMINS.BOX share: one
<SMS ID>.INS for each client that an active job offers something now, generated from the
database. Only files whose bytes changed are written, each to a temporary file in DIR that is
then renamed over the old one, so a client never reads half a file. The <SMS ID>.INS files of
clients that no longer have records are removed; no other file in DIR is touched. DIR is
created when missing. Prints what changed.

  --dry-run   say what would change, change nothing
  --verbose   also name each file: wrote, unchanged or removed

access: who may read the site's files from GET /pcmins.box/<SMS ID>.INS. Without an option,
prints the setting. --open gives everyone read, as the PCMINS.BOX share did (Q189809);
--token asks for the site's token (?token=<token> or the ${ACCESS_TOKEN_HEADER} header) and
generates one when the site has none, printing it once.

token: generates a new token for the site and prints it once; the old token stops working at
once. The console keeps only its hash. The site's access mode is not changed.`;

const DRY_RUN_WORDS: Record<BoxSyncAction, string> = { wrote: "would write", unchanged: "unchanged", removed: "would remove" };

export const boxCommand: Command = {
  name: "box",
  usage: USAGE,
  async run(args) {
    const [verb, ...rest] = args;
    if (verb === "access" || verb === "token") return changeAccess(verb, rest);
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

function describeAccess(access: { siteCode: string; mode: string; hasToken: boolean }): string {
  const mode = access.mode === "token" ? "token required" : "open read";
  return `Site ${access.siteCode}: ${mode}, ${access.hasToken ? "a token is set" : "no token set"}`;
}

function printChange(change: InstructionBoxAccessChange): void {
  console.log(describeAccess(change));
  if (change.generatedToken) {
    console.log(`New token (shown once; only its hash is kept): ${change.generatedToken}`);
    console.log(`Clients send it as ?token=<token> or in the ${ACCESS_TOKEN_HEADER} header.`);
  }
}

/** sms box access|token --site CODE: the site's PCMINS.BOX access over HTTP. */
async function changeAccess(verb: "access" | "token", args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { site: { type: "string" }, open: { type: "boolean" }, token: { type: "boolean" } } });
  if (positionals.length > 0) throw new UsageError(`box ${verb} takes no arguments, only options`);
  const site = siteCodeSchema("--site").safeParse(values.site ?? "");
  if (!site.success) throw new UsageError(values.site === undefined ? `box ${verb} needs --site CODE` : site.error.issues[0]!.message);
  const siteCode = site.data;
  if (verb === "token") {
    if (values.open || values.token) throw new UsageError("box token takes only --site; use box access to change the mode");
    printChange(await changeInstructionBoxAccess({ siteCode, input: instructionBoxAccessInputSchema.parse({ rotateToken: true }) }));
    return 0;
  }
  if (values.open && values.token) throw new UsageError("choose one of --open and --token");
  if (!values.open && !values.token) {
    const access = await getInstructionBoxAccess({ siteCode });
    if (!access) throw new DomainError("not_found", `Site ${siteCode} does not exist`);
    console.log(describeAccess(access));
    return 0;
  }
  printChange(await changeInstructionBoxAccess({ siteCode, input: instructionBoxAccessInputSchema.parse({ mode: values.open ? "open" : "token" }) }));
  return 0;
}

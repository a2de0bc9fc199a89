import { bindProcessActor } from "@/lib/data/session";
import { isDomainError } from "@/lib/errors";
import { cliActor } from "./actor";
import { UsageError, wantsHelp, type Command } from "./command";
import { boxCommand } from "./commands/box";
import { checkCommand } from "./commands/check";
import { demoCommand } from "./commands/demo";
import { insCommand } from "./commands/ins";
import { jobCommand } from "./commands/job";
import { rulesCommand } from "./commands/rules";
import { simulateCommand } from "./commands/simulate";
import { packageCommand } from "./commands/package";
import { pcmdumpCommand } from "./commands/pcmdump";
import { exportCommand, importCommand } from "./commands/site-document";
import { userCommand } from "./commands/user";

const COMMANDS: Command[] = [packageCommand, jobCommand, checkCommand, rulesCommand, simulateCommand, importCommand, exportCommand, demoCommand, pcmdumpCommand, insCommand, boxCommand, userCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return `Usage: sms COMMAND [options]

SMS Console command line: the same data and rules as the web console.
Uses DATABASE_URL (default file:./data/sms.db).

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n")}

Run "sms COMMAND --help" for a command's options.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || wantsHelp([name])) {
    console.log(overview());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) throw new UsageError(`unknown command "${name}"; run "sms --help" for the list`);
  if (wantsHelp(args)) {
    console.log(command.usage);
    return 0;
  }
  return command.run(args);
}

// Every data-layer call of this process acts as the CLI's user (cli/actor.ts).
bindProcessActor(cliActor());

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`sms: ${error.message}`);
      process.exit(2);
    }
    // node:util parseArgs reports unknown or malformed options; its first sentence says which.
    if (typeof (error as NodeJS.ErrnoException).code === "string" && (error as NodeJS.ErrnoException).code!.startsWith("ERR_PARSE_ARGS")) {
      console.error(`sms: ${(error as Error).message.split(". ")[0]}; see --help`);
      process.exit(2);
    }
    if (isDomainError(error)) {
      console.error(`sms: ${error.message}`);
      for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
      process.exit(1);
    }
    // One line; the whole error (stack, Prisma's query excerpt) only when asked for.
    console.error(`sms: ${(error instanceof Error ? error.message : String(error)).trim().split("\n")[0]}${process.env.SMS_DEBUG ? "" : " (SMS_DEBUG=1 shows more)"}`);
    if (process.env.SMS_DEBUG) console.error(error);
    process.exit(70);
  },
);

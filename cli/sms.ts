import os from "node:os";
import { bindProcessActor } from "@/lib/data/accounts/process-actor";
import { asDomainError } from "@/lib/errors";
import { cliActor } from "./actor";
import { UsageError, wantsHelp } from "./command";
import { COMMANDS } from "./commands/index";

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
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) throw new UsageError(`unknown command "${name}"; run "sms --help" for the list`);
  const command = await entry.load();
  if (wantsHelp(args)) {
    console.log(command.usage);
    return 0;
  }
  // Every data-layer call of this process acts as the CLI's user (cli/actor.ts).
  bindProcessActor(cliActor());
  return command.run(args);
}

// A stop signal ends the command at once. Each import or change is one transaction, which the
// database rolls back when the process goes, so nothing half-done is kept: say so, once.
let isStopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (isStopping) return;
    isStopping = true;
    console.error(`sms: stopped by ${signal}; a change or import that had not finished was not saved`);
    process.exit(128 + os.constants.signals[signal]);
  });
}

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
    // Refusals and database faults (disk full, lock held, unreachable) as one clear line each.
    const domainError = asDomainError(error);
    if (domainError) {
      console.error(`sms: ${domainError.message}`);
      for (const issue of domainError.issues) console.error(`  ${issue.path}: ${issue.message}`);
      process.exit(domainError.code === "unavailable" ? 75 : 1);
    }
    // One line; the whole error (stack, Prisma's query excerpt) only when asked for.
    console.error(`sms: ${(error instanceof Error ? error.message : String(error)).trim().split("\n")[0]}${process.env.SMS_DEBUG ? "" : " (SMS_DEBUG=1 shows more)"}`);
    if (process.env.SMS_DEBUG) console.error(error);
    process.exit(70);
  },
);

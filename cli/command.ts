/** One CLI command: its name, full help text and what it does (its summary is in commands/index.ts). */
export interface Command {
  name: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export function wantsHelp(args: readonly string[]): boolean {
  return args.includes("--help") || args.includes("-h") || args.includes("/?");
}

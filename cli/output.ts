import path from "node:path";
import { createInterface } from "node:readline";

/** A file argument as the user meant it: relative to where the command was typed (bin/sms.mjs sets SMS_CLI_CWD). */
export function resolveFromCaller(file: string): string {
  return path.resolve(process.env.SMS_CLI_CWD ?? process.cwd(), file);
}

let isWatchingPipe = false;

/**
 * Writes to standard output, waiting while the pipe is full, so dumping a box of 10,000 files
 * does not buffer them all in memory. A reader that goes away (`| head`) ends the command quietly.
 */
export async function writeOutput(text: string): Promise<void> {
  if (!isWatchingPipe) {
    isWatchingPipe = true;
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
}

/** PCMDUMP's /p: waits for Enter on a terminal; on anything else there is nobody to wait for. */
export async function pauseForEnter(): Promise<void> {
  if (!process.stdout.isTTY) return;
  await writeOutput("Press Enter to continue . . . ");
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => {
    lines.once("line", () => resolve());
    lines.once("close", () => resolve());
  });
  lines.close();
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DomainError } from "@/lib/errors";
import { encodeInstructionFile } from "@/lib/ins/encode";
import { instructionFileSchema } from "@/lib/ins/schema";
import { formatIssuePath } from "@/lib/site-document/references";
import { writeFileAtomically } from "../box-sync";
import { UsageError, type Command } from "../command";
import { formatCount, resolveFromCaller } from "../output";
import { pcmdumpCommand } from "./pcmdump";

const USAGE = `Usage: sms ins COMMAND ...

  sms ins encode RECORDS.json -o FILE.INS   write an instruction file from its JSON form
  sms ins decode FILE.INS [--box DIR]        print a file's records as JSON (sms pcmdump --json /r FILE)

RECORDS.json is an array of instruction records, as "sms pcmdump --json /r" prints them (the
format is in docs/ins-format.md); RECORDS.json may be - for standard input. If any field is
invalid, every problem is listed with its JSON path and no file is written.`;

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === "-" ? await readStandardInput() : await readFile(resolveFromCaller(file), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError(`${file}: no such file`);
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function encode(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { output: { type: "string", short: "o" } } });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError("ins encode needs exactly one RECORDS.json (or - for standard input)");
  if (!values.output) throw new UsageError("ins encode needs -o FILE.INS");
  const parsed = instructionFileSchema.safeParse(await readJson(file));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path) || "(the file)", message: issue.message }));
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    throw new DomainError("invalid", `${file === "-" ? "Standard input" : file} has ${count}; no file was written`, issues);
  }
  const bytes = encodeInstructionFile(parsed.data);
  try {
    writeFileAtomically(resolveFromCaller(values.output), bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new UsageError(`${values.output}: no such directory`);
    if (code === "EISDIR") throw new UsageError(`${values.output} is a directory`);
    throw error;
  }
  const records = parsed.data.length === 1 ? "1 record" : `${formatCount(parsed.data.length)} records`;
  console.error(`Wrote ${values.output}: ${records}, ${formatCount(bytes.length)} bytes`);
  return 0;
}

async function decode(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { box: { type: "string" } } });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError("ins decode needs exactly one FILE.INS");
  return pcmdumpCommand.run(["--json", "/r", file, ...(values.box === undefined ? [] : ["--box", values.box])]);
}

export const insCommand: Command = {
  name: "ins",
  usage: USAGE,
  async run(args) {
    const [verb, ...rest] = args;
    switch (verb) {
      case "encode":
        return encode(rest);
      case "decode":
        return decode(rest);
      default:
        throw new UsageError(verb ? `unknown ins command "${verb}"; run "sms ins --help"` : 'ins needs a command; run "sms ins --help"');
    }
  },
};

import { parseArgs } from "node:util";
import { simulateClientFile, simulateJobTarget } from "@/lib/data/review/job-simulation";
import { DomainError } from "@/lib/errors";
import { SMS_ID_PATTERN } from "@/lib/sms-id";
import { normaliseWallClock, parseWallClock } from "@/lib/wall-clock";
import { UsageError, type Command } from "../command";

function wallClockOption(name: string, value: string | undefined): string {
  if (!value) throw new UsageError(`simulate needs --${name} YYYY-MM-DDTHH:MM[:SS] (site wall clock)`);
  const normalised = normaliseWallClock(value);
  if (!parseWallClock(normalised)) throw new UsageError(`--${name} must be a real date and time as YYYY-MM-DDTHH:MM[:SS] (got "${value}")`);
  return normalised;
}

export const simulateCommand: Command = {
  name: "simulate",
  usage: `Usage: sms simulate --client SMSID [--job JOBID] --from T --to T [--json]

Simulates the client's PCM (desktop Pcmwin32/Pcmwin16/PCMDOS/PCMMAC and, where installed, the PCM
service) poll by poll between --from and --to (site wall clock, YYYY-MM-DDTHH:MM[:SS]).
Without --job it reads the instruction file the client holds at --from; with --job, only that
job's record, as if a Pending job were sent at --from. Prints the client's logs (Pcmwin.log,
PACMAN.LOG) line for line as PCM writes them, or with --json the events and the outcome.
The command is assumed to run 5 minutes, succeed and write a status MIF.`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { client: { type: "string" }, job: { type: "string" }, from: { type: "string" }, to: { type: "string" }, json: { type: "boolean" } },
    });
    if (positionals.length > 0) throw new UsageError(`simulate takes options only (got "${positionals[0]}")`);
    const smsId = values.client?.toUpperCase();
    if (!smsId || !SMS_ID_PATTERN.test(smsId)) throw new UsageError("simulate needs --client SMSID (8 characters, A-Z or 0-9)");
    const window = { from: wallClockOption("from", values.from), to: wallClockOption("to", values.to) };
    if (window.to <= window.from) throw new UsageError("--to must be later than --from");
    const result = values.job
      ? await simulateJobTarget({ jobId: values.job.toUpperCase(), smsId, now: window.from, window })
      : await simulateClientFile({ smsId, window });
    if (!result) {
      throw new DomainError("not_found", values.job ? `Job ${values.job.toUpperCase()} does not exist or does not target ${smsId}` : `Computer ${smsId} is not in inventory`);
    }
    if (values.json) {
      console.log(JSON.stringify({ client: smsId, job: values.job?.toUpperCase() ?? null, window, outcome: result.simulation.outcome, requests: result.simulation.requests, events: result.simulation.events }, null, 2));
      return 0;
    }
    for (const log of result.logs) {
      console.log(`==> ${log.fileName} <==`);
      for (const line of log.lines) console.log(line);
      if (log.isTruncated) console.log(`(cut at ${log.lines.length} lines)`);
    }
    const { outcome } = result.simulation;
    console.error(outcome.runs ? `${smsId} runs the command at ${outcome.firstRunAt}.` : `${smsId} never runs the command: ${outcome.reasons.map((reason) => `${reason.message} (${reason.rule ?? reason.article})`).join("; ") || "no instruction record in the window"}.`);
    return 0;
  },
};

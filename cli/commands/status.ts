import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { getJobStatus, openTargetStatusExport } from "@/lib/data/job-status/job-status";
import { receiveStatusReport } from "@/lib/data/job-status/status-reports/intake";
import { isDomainError } from "@/lib/errors";
import { parseDespoolerRecord } from "@/lib/job-status/despooler-record";
import { TARGET_STATUS_LABELS } from "@/lib/job-status/target-status";
import { JOB_ID_PATTERN } from "@/lib/sms-id";
import { MAX_STATUS_MIF_BYTES } from "@/lib/status-mif/mif-tree";
import { currentWallClock } from "@/lib/wall-clock";
import { UsageError, type Command } from "../command";
import { formatCount, resolveFromCaller, writeOutput } from "../output";

const USAGE = `Usage: sms status --job JOBID [--json]
       sms status import DIR

--job: the job's status as SMS's Job Status showed it: overall, Sending, Working and Cancel
status, the count of targets by status (None until a target's status MIF is loaded, Complete,
Retrying), then one line per target: SMS ID, machine, site, status, when, description.
--json prints the same as one JSON object.

import: loads a copy of a logon server's DESPOOLR.BOX: each <name>.pck status MIF with the
<name>.sni record that names its job and client (layout in docs/status-reports.md); the .sni
file's modification time is the client's clock (Q172899). Reports are filed as the console's
POST /despoolr.box would file them; the same report twice changes nothing.`;

export const statusCommand: Command = {
  name: "status",
  usage: USAGE,
  async run(args) {
    if (args[0] === "import") return importBox(args.slice(1));
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { job: { type: "string" }, json: { type: "boolean" } } });
    if (positionals.length > 0) throw new UsageError(`unknown status command "${positionals[0]}"; run "sms status --help"`);
    const jobId = values.job?.trim().toUpperCase();
    if (!jobId) throw new UsageError("status needs --job JOBID or import DIR");
    if (!JOB_ID_PATTERN.test(jobId)) throw new UsageError("--job must be a job ID: 8 characters, A-Z or 0-9");
    const overview = await getJobStatus({ jobId });
    if (!overview) {
      console.error(`sms: job ${jobId} does not exist`);
      return 1;
    }
    const targets = [];
    for await (const row of await openTargetStatusExport({ jobId })) targets.push(row);
    if (values.json) {
      await writeOutput(`${JSON.stringify({ ...overview, targets }, null, 2)}\n`);
      return 0;
    }
    const { summary, counts } = overview;
    await writeOutput(
      [
        `Job ${jobId}: ${summary.overall} (Sending ${summary.sending}, Working ${summary.working}, Cancel ${summary.cancel})`,
        `Targets: ${formatCount(overview.targetCount)}  None ${formatCount(counts.NONE)}  Complete ${formatCount(counts.COMPLETE)}  Retrying ${formatCount(counts.RETRYING)}`,
        "",
        ...targets.map((row) => [row.smsId, row.name.padEnd(15), row.siteCode, TARGET_STATUS_LABELS[row.status].padEnd(8), row.reportedAt ?? "-".padEnd(19), row.warning ?? row.description.replace(/\s+/g, " ")].join("  ").trimEnd()),
        "",
      ].join("\n"),
    );
    return 0;
  },
};

async function importBox(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [directory, ...extra] = positionals;
  if (!directory || extra.length > 0) throw new UsageError("status import needs exactly one DIR");
  const root = resolveFromCaller(directory);
  const names = await readdir(root);
  const records = names.filter((name) => name.toLowerCase().endsWith(".sni")).sort();
  const tally = new Map<string, number>();
  const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
  let problems = 0;
  for (const recordName of records) {
    const base = recordName.slice(0, -4);
    const mifName = names.find((name) => name.toLowerCase() === `${base.toLowerCase()}.pck`);
    const skip = (reason: string) => {
      problems += 1;
      console.error(`${recordName}: ${reason}`);
    };
    if (!mifName) {
      skip(`no ${base}.pck status MIF beside it; skipped`);
      continue;
    }
    try {
      const recordPath = path.join(root, recordName);
      const mifPath = path.join(root, mifName);
      const [recordText, recordStat, mifStat] = await Promise.all([readFile(recordPath, "latin1"), stat(recordPath), stat(mifPath)]);
      if (mifStat.size > MAX_STATUS_MIF_BYTES) {
        skip(`${mifName} is larger than 64 KB (event 119, Q122178); skipped`);
        continue;
      }
      const record = parseDespoolerRecord(recordText);
      const result = await receiveStatusReport({
        input: { smsId: record.smsId, jobReference: record.jobReference, text: await readFile(mifPath, "latin1"), reportedAt: currentWallClock(recordStat.mtime) },
        via: { source: "import", receivedFrom: path.join(directory, mifName) },
        now: currentWallClock(),
      });
      count(result.isDuplicate ? "unchanged (already received)" : result.outcome);
      if (result.outcome === "refused" && !result.isDuplicate) console.error(`${recordName}: ${result.message}`);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      skip(`${error.message}; skipped`);
    }
  }
  const parts = [...tally.entries()].map(([key, value]) => `${key} ${formatCount(value)}`);
  console.log(`Imported ${formatCount(records.length)} records from ${directory}: ${parts.join(", ") || "nothing"}${problems ? `; ${formatCount(problems)} skipped` : ""}.`);
  return problems > 0 ? 1 : 0;
}

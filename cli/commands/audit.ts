import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { auditCsvHeader, auditCsvRow } from "@/lib/audit/csv";
import { openAuditPrune } from "@/lib/data/audit/audit-retention";
import { UsageError, type Command } from "../command";
import { resolveFromCaller } from "../output";

const USAGE = `Usage: sms audit prune --before DATE --export FILE

Removes the audit trail's rows from before DATE (YYYY-MM-DD, UTC midnight) after writing them to
the new file FILE as CSV (the columns of the /audit page's export, oldest first). The file is
complete and on disk before any row is removed; FILE must not exist yet. The prune itself is
audited.

Retention: the console keeps every row until it is pruned. Keep at least what your policy asks
(e.g. 13 months) and archive the exports. Monthly, with cron:
  0 3 1 * * cd /opt/sms-console && npm run --silent sms -- audit prune --before $(date -d '13 months ago' +\\%F) --export /mnt/archive/audit-$(date +\\%F).csv`;

/** YYYY-MM-DD as the UTC midnight it starts; a date that does not exist is refused. */
function parseDate(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new UsageError(`--before must be a date, YYYY-MM-DD (got "${value}")`);
  if (date.getTime() > Date.now()) throw new UsageError(`--before ${value} is in the future; prune only rows that are behind you`);
  return date;
}

async function prune(values: { before?: string; export?: string }): Promise<number> {
  if (values.before === undefined || values.export === undefined) throw new UsageError("audit prune needs --before DATE and --export FILE (rows are exported before they are removed)");
  const before = parseDate(values.before);
  const file = resolveFromCaller(values.export);
  if (existsSync(file)) throw new UsageError(`--export ${values.export} already exists; give a new file name`);
  if (!existsSync(path.dirname(file))) throw new UsageError(`--export: directory ${path.dirname(file)} does not exist`);
  const audit = await openAuditPrune({ before });
  if (audit.count === 0) {
    console.log(`No audit rows from before ${values.before}; nothing exported or removed.`);
    return 0;
  }
  // Written beside FILE and renamed once synced: FILE is the whole export or absent.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}`);
  const descriptor = openSync(temporary, "wx");
  let exported = 0;
  try {
    writeSync(descriptor, auditCsvHeader());
    for await (const row of audit.rows) {
      writeSync(descriptor, auditCsvRow(row));
      exported++;
    }
    fsyncSync(descriptor);
  } catch (error) {
    closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(descriptor);
  if (exported !== audit.count) {
    rmSync(temporary, { force: true });
    throw new Error(`the export read ${exported} rows where ${audit.count} were counted; nothing was removed`);
  }
  renameSync(temporary, file);
  const removed = await audit.remove();
  console.log(`Exported ${exported} audit rows from before ${values.before} to ${values.export}, then removed ${removed}.`);
  return 0;
}

export const auditCommand: Command = {
  name: "audit",
  usage: USAGE,
  async run(args) {
    const [verb, ...rest] = args;
    if (verb !== "prune") throw new UsageError(verb ? `unknown audit command "${verb}"; run "sms audit --help"` : 'audit needs a command; run "sms audit --help"');
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { before: { type: "string" }, export: { type: "string" } } });
    if (positionals.length > 0) throw new UsageError(`audit prune takes options only (got "${positionals[0]}")`);
    return prune(values);
  },
};

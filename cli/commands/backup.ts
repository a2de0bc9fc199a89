import { parseArgs } from "node:util";
import { backupSqliteDatabase, restoreSqliteDatabase, type DatabaseFileFacts } from "@/lib/db/backup";
import { databaseProvider, databaseUrl, sqliteFilePath } from "@/lib/env";
import { UsageError, type Command } from "../command";
import { resolveFromCaller } from "../output";

/** The URL as it may be printed: without its password. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgresql://...";
  }
}

function onePositional(args: string[], verb: string) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { replace: { type: "boolean" } } });
  if (positionals.length !== 1) throw new UsageError(`${verb} needs exactly one FILE`);
  if (verb === "backup" && values.replace) throw new UsageError("backup never replaces a file; give a new file name");
  return { file: resolveFromCaller(positionals[0]!), values };
}

function describe(facts: DatabaseFileFacts): string {
  return `${facts.tables} tables, ${facts.bytes} bytes, migration ${facts.migrations.at(-1) ?? "none"}`;
}

export const backupCommand: Command = {
  name: "backup",
  usage: `Usage: sms backup FILE

Copies the whole SQLite database (DATABASE_URL) into the new file FILE: every table, users, their
passwords, second factors and sessions, the audit trail and acknowledgements included. The copy is
one consistent snapshot taken while the console keeps running and writing, and it is checked
(integrity_check) before it gets its name. FILE must not exist yet.

Keep backups somewhere else than the database's disk. A nightly backup with cron:
  15 2 * * * cd /opt/sms-console && npm run --silent sms -- backup backups/sms-$(date +\\%F).db

PostgreSQL: use pg_dump (the command prints how).`,
  async run(args) {
    const { file } = onePositional(args, "backup");
    const url = databaseUrl();
    if (databaseProvider(url) === "postgresql") {
      console.error(`sms: backup copies SQLite databases; back up PostgreSQL with pg_dump, e.g.
  pg_dump --format=custom --file ${file} '${redactedUrl(url)}'
and restore into an empty database with
  pg_restore --exit-on-error --dbname '<new database URL>' ${file}`);
      return 1;
    }
    const facts = backupSqliteDatabase({ source: sqliteFilePath(url), target: file });
    console.log(`Backed up ${sqliteFilePath(url)} to ${file} (${describe(facts)}).`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: "restore",
  usage: `Usage: sms restore FILE [--replace]

Makes the backup FILE the SQLite database of DATABASE_URL. FILE is checked first: SQLite's
integrity_check must pass and its migrations must be ones this console knows (an older backup is
brought up to date by the next "npm start" or "npm run db:migrate").

Stop the console first: restore refuses while anything has the database open. An existing
database is replaced only with --replace, and is then kept beside it as
<database>.before-restore-<time>.

PostgreSQL: use pg_restore (the command prints how).`,
  async run(args) {
    const { file, values } = onePositional(args, "restore");
    const url = databaseUrl();
    if (databaseProvider(url) === "postgresql") {
      console.error(`sms: restore puts SQLite backups in place; restore a pg_dump file with pg_restore, e.g.
  pg_restore --exit-on-error --clean --if-exists --dbname '${redactedUrl(url)}' ${file}
after stopping the console.`);
      return 1;
    }
    const target = sqliteFilePath(url);
    const result = restoreSqliteDatabase({ source: file, target, replace: values.replace === true });
    console.log(`Restored ${file} as ${target} (${describe(result)}).`);
    if (result.previous) console.log(`The database it replaced is kept as ${result.previous}.`);
    return 0;
  },
};

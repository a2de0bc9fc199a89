import pg from "pg";
import { postgresqlUrlOf } from "@/scripts/db/fresh-postgresql.mjs";
import { postgresqlAdminUrl } from "@/scripts/db/postgresql-schema.mjs";

export { postgresqlUrlOf };

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresqlAdminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates an empty database, or a copy of a template (which must have no open connection). */
export async function createPostgresqlDatabase(name: string, template?: string): Promise<string> {
  await withAdmin((client) => client.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ""}`));
  return postgresqlUrlOf(name);
}

/** Drops every database whose name starts with the prefix, closing its connections. */
export async function dropPostgresqlDatabases(prefix: string): Promise<void> {
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
  });
}

// A new, empty PostgreSQL database for a test or benchmark run, on SMS_POSTGRESQL_ADMIN_URL's server.
import pg from "pg";
import { postgresqlAdminUrl } from "./postgresql-schema.mjs";

export function postgresqlUrlOf(database) {
  const url = new URL(postgresqlAdminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin(work) {
  const client = new pg.Client({ connectionString: postgresqlAdminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops the database if it exists (closing its connections) and creates it empty; returns its URL. */
export async function freshPostgresqlDatabase(name) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return postgresqlUrlOf(name);
}

export async function dropPostgresqlDatabase(name) {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A benchmark's database name: SMS_BENCH_DATABASE_PREFIX ("sms_perf") keeps runs on a shared server apart. */
export function benchDatabaseName(suffix) {
  return `${process.env.SMS_BENCH_DATABASE_PREFIX || "sms_bench"}_${suffix}`;
}

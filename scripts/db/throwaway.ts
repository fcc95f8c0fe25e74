// Throwaway databases for tests: on TEST_PG_URL's server when set (npm test shares one
// embedded server across its steps), else on an embedded server of their own.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { startEmbeddedPostgres, type EmbeddedCluster } from "./embedded";
import { applyMigrations } from "./migrate";

export interface ThrowawayDatabase {
  url: string;
  dispose(): Promise<void>;
}

/** A private embedded server in a temp folder, deleted when stopped. */
export async function startTestCluster(): Promise<EmbeddedCluster> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "maghreb-test-pg-"));
  // mkdtemp makes a private folder; as root the server runs as user `postgres`, who must enter it.
  await chmod(dataDir, 0o755);
  return startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), persistent: false });
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new, migrated, empty database; dispose() drops it. With `template` (a migrated database no one
 * is connected to), a copy of it instead, much cheaper than migrating and seeding again
 * (scripts/test/templates.ts).
 */
export async function createThrowawayDatabase(serverUrl: string, prefix = "maghreb_test", template?: string): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await onServer(serverUrl, template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  if (!template) await applyMigrations(url);
  return { url, dispose: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** The name of the database `url` points at. */
export const databaseNameOf = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1));

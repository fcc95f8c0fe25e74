// npm run db:restore -- <file> [--force]: a backup into a database. The file is read through
// and checked (checksum, row counts) before anything is written, and the restore refuses while
// anyone else is connected to the database. The backup's schema is built and every row loaded
// into a schema of its own beside `public`; one transaction then loads the rows and swaps that
// schema in for `public`. Until it commits the old data is untouched, so a restore that fails
// half-way (a bad row, a dropped connection, a killed process) leaves the database as it was.
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { AppError } from "../../server/shared/errors";
import { BackupFileError, openBackup, type BackupHeader } from "./backup-format";
import { applyMigrations } from "./migrate";
import { readMigrations } from "./schema-engine";
import { appliedMigrations, nonEmptyTables, quoteIdent, resetSequences } from "./tables";

export class RestoreRefusedError extends AppError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

/** Names the restore's own connections in pg_stat_activity, so it does not refuse itself. */
const RESTORE_APPLICATION = "maghreb-db-restore";
/** The schema a restore builds beside `public`; one left by a killed restore is dropped by the next. */
const STAGING_PREFIX = "maghreb_restore_";
/** How long connections that are closing may take to leave pg_stat_activity. */
const CLOSING_GRACE_MS = 2000;

/** Reads the whole file once: every check it can fail happens before the database is touched. */
export async function verifyBackup(file: string): Promise<BackupHeader> {
  const backup = await openBackup(file);
  for await (const table of backup.tables()) for await (const _row of table.rows);
  return backup.header;
}

async function refuseUnknownMigrations(header: BackupHeader): Promise<void> {
  const known = new Set((await readMigrations()).migrationDirectories.map((m) => m.path));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new RestoreRefusedError(`The backup comes from a newer version of the app (migrations ${unknown.join(", ")} are not in prisma/migrations): update the code first.`);
  }
}

/** Client connections to this database other than the restore's own, by application name or user. */
async function otherConnections(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ who: string }>(
    `SELECT coalesce(nullif(application_name, ''), usename::text, 'unknown') AS who
     FROM pg_stat_activity
     WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name <> $1`,
    [RESTORE_APPLICATION],
  );
  return rows.map((r) => r.who);
}

/**
 * A running app would keep writing into the data being replaced, and hold locks the swap waits
 * for. Connections just closed take a moment to leave pg_stat_activity, hence the short wait.
 */
async function refuseWhileConnected(client: Client, graceMs: number): Promise<void> {
  const until = Date.now() + graceMs;
  let others = await otherConnections(client);
  while (others.length && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    others = await otherConnections(client);
  }
  if (others.length) {
    const names = [...new Set(others)].join(", ");
    throw new RestoreRefusedError(`The database has ${others.length} other connection(s) open (${names}): stop the app and anything else using it, then restore again.`);
  }
}

async function refuseUnsuitableTarget(client: Client, header: BackupHeader, force: boolean, log: (line: string) => void): Promise<void> {
  const filled = await nonEmptyTables(client);
  if (filled.length && !force) {
    throw new RestoreRefusedError(`The target database is not empty (${filled.slice(0, 5).join(", ")}${filled.length > 5 ? "…" : ""} hold rows): restore into a new database, or pass --force to replace everything in it.`);
  }
  const beyond = (await appliedMigrations(client)).filter((m) => !header.migrations.includes(m));
  if (beyond.length && !force) {
    throw new RestoreRefusedError(`The target database has migrations the backup lacks (${beyond.join(", ")}): restore into a new database, or pass --force.`);
  }
  if (force && (filled.length || beyond.length)) log("  --force: what the database holds is replaced once the backup is fully loaded");
}

async function dropLeftoverStaging(client: Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>("SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)", [STAGING_PREFIX]);
  for (const { name } of rows) await client.query(`DROP SCHEMA ${quoteIdent(name)} CASCADE`);
}

/** The database's URL with the schema engine pointed at `schema` and named as the restore's own. */
function stagingUrl(url: string, schema: string): string {
  const staged = new URL(url);
  staged.searchParams.set("schema", schema);
  staged.searchParams.set("application_name", RESTORE_APPLICATION);
  return staged.toString();
}

async function loadRows(client: Client, file: string, header: BackupHeader, log: (line: string) => void): Promise<void> {
  const backup = await openBackup(file);
  for await (const { name, rows } of backup.tables()) {
    const table = header.tables.find((t) => t.name === name);
    if (!table) throw new BackupFileError(`${file}: table ${name} is not in its header.`);
    const copy = client.query(copyFrom(`COPY ${quoteIdent(name)} (${table.columns.map(quoteIdent).join(", ")}) FROM STDIN`));
    const finished = once(copy, "finish");
    for await (const row of rows) if (!copy.write(`${row}\n`)) await once(copy, "drain");
    copy.end();
    await finished;
    log(`  ${name}: ${table.rows.toLocaleString("en")} rows`);
  }
}

export async function restoreDatabase({ url, file, force = false, log = () => undefined }: { url: string; file: string; force?: boolean; log?: (line: string) => void }): Promise<BackupHeader> {
  log(`Checking ${file}…`);
  const header = await verifyBackup(file);
  await refuseUnknownMigrations(header);
  const client = new Client({ connectionString: url, application_name: RESTORE_APPLICATION });
  await client.connect();
  const staging = `${STAGING_PREFIX}${randomBytes(6).toString("hex")}`;
  try {
    await refuseWhileConnected(client, CLOSING_GRACE_MS);
    await refuseUnsuitableTarget(client, header, force, log);
    await dropLeftoverStaging(client);
    await client.query(`CREATE SCHEMA ${quoteIdent(staging)}`);
    // Exactly the backup's schema; `npm start` applies any newer migrations afterwards.
    const built = await applyMigrations(stagingUrl(url, staging), { only: header.migrations });
    log(`  built the backup's schema (${built.length} migration(s)) beside the current one`);
    await client.query("BEGIN");
    // Table names in the file, and in the migrations' functions and triggers, resolve to the copy.
    await client.query(`SET LOCAL search_path TO ${quoteIdent(staging)}`);
    await loadRows(client, file, header, log);
    await resetSequences(client, staging);
    // Anyone who connected during the load would lose their writes: still all or nothing.
    await refuseWhileConnected(client, 0);
    await client.query(`DROP SCHEMA public CASCADE; ALTER SCHEMA ${quoteIdent(staging)} RENAME TO public`);
    await client.query("COMMIT");
    return header;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(staging)} CASCADE`).catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

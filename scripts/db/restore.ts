// npm run db:restore -- <file> [--force]: a backup into an empty database. The file is read
// through and checked (checksum, row counts) before anything is written; the schema is then
// brought to the backup's migrations, and every row is loaded in one transaction, so a failure
// leaves the tables empty, never half-filled.
import { once } from "node:events";
import { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { BackupFileError, openBackup, type BackupHeader } from "./backup-format";
import { applyMigrations } from "./migrate";
import { readMigrations } from "./schema-engine";
import { appliedMigrations, nonEmptyTables, quoteIdent, resetSequences } from "./tables";

export class RestoreRefusedError extends Error {}

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

async function prepareTarget(client: Client, url: string, header: BackupHeader, force: boolean, log: (line: string) => void): Promise<void> {
  const filled = await nonEmptyTables(client);
  if (filled.length && !force) {
    throw new RestoreRefusedError(`The target database is not empty (${filled.slice(0, 5).join(", ")}${filled.length > 5 ? "…" : ""} hold rows): restore into a new database, or pass --force to replace everything in it.`);
  }
  const applied = await appliedMigrations(client);
  const beyond = applied.filter((m) => !header.migrations.includes(m));
  if (force && (filled.length || beyond.length)) {
    log("  --force: emptying the target database");
    await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  } else if (beyond.length) {
    throw new RestoreRefusedError(`The target database has migrations the backup lacks (${beyond.join(", ")}): restore into a new database, or pass --force.`);
  }
  // Exactly the backup's schema; `npm start` applies any newer migrations afterwards.
  const newly = await applyMigrations(url, { only: header.migrations });
  if (newly.length) log(`  applied ${newly.length} migration(s) to match the backup`);
}

export async function restoreDatabase({ url, file, force = false, log = () => undefined }: { url: string; file: string; force?: boolean; log?: (line: string) => void }): Promise<BackupHeader> {
  log(`Checking ${file}…`);
  const header = await verifyBackup(file);
  await refuseUnknownMigrations(header);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await prepareTarget(client, url, header, force, log);
    const backup = await openBackup(file);
    await client.query("BEGIN");
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
    await resetSequences(client);
    await client.query("COMMIT");
    return header;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

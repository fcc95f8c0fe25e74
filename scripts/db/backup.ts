// npm run db:backup: every table of the app's schema, from one consistent snapshot, into one
// gzip'd file (format in backup-format.ts). Written to a temporary name and renamed at the end,
// so an interrupted backup never leaves a file that looks complete.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { createGzip } from "node:zlib";
import { createInterface } from "node:readline";
import { END_OF_ROWS, endLine, LineDigest, MAGIC, tableLine, type BackupHeader } from "./backup-format";
import { appliedMigrations, copyableTables, quoteIdent } from "./tables";

export async function backupDatabase({ url, file, log = () => undefined }: { url: string; file: string; log?: (line: string) => void }): Promise<BackupHeader> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const partial = `${file}.partial`;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  const done = once(gzip.pipe(out), "finish");
  const digest = new LineDigest();
  const write = async (line: string) => {
    if (!gzip.write(`${digest.add(line)}\n`)) await once(gzip, "drain");
  };
  try {
    // One snapshot for every table: rows written meanwhile are in none of them, or all.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await appliedMigrations(client);
    if (!migrations.length) throw new Error("This database has no migrations applied: it is not the app's (check DATABASE_URL), or has never been started.");
    const tables = await copyableTables(client);
    const header: BackupHeader = { createdAt: new Date().toISOString(), migrations, tables: [] };
    for (const table of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`);
      header.tables.push({ ...table, rows: Number(rows[0]?.n ?? 0) });
    }
    await write(MAGIC);
    await write(JSON.stringify(header));
    for (const table of header.tables) {
      await write(tableLine(table.name));
      const columns = table.columns.map(quoteIdent).join(", ");
      const copy = client.query(copyTo(`COPY ${quoteIdent(table.name)} (${columns}) TO STDOUT`));
      for await (const line of createInterface({ input: copy, crlfDelay: Infinity })) await write(line);
      await write(END_OF_ROWS);
      log(`  ${table.name}: ${table.rows.toLocaleString("en")} rows`);
    }
    await client.query("COMMIT");
    gzip.end(`${endLine(digest.hex())}\n`);
    await done;
    await rename(partial, file);
    return header;
  } catch (e) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw e;
  } finally {
    await client.end();
  }
}

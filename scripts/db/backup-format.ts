// The backup file: one gzip'd text stream, checked end to end before a restore touches anything.
//
//   MAGHREB-MONITOR-BACKUP 1
//   {"createdAt": …, "migrations": [...], "tables": [{"name", "columns", "rows"}, …]}
//   @@table "Country"
//   <the table's rows in COPY text format: one line per row, tabs between fields>
//   \.
//   @@table …
//   @@end <sha-256 of every line above, each with its newline>
//
// COPY's text format escapes backslashes, tabs and newlines inside values, so a row is one
// line and a line that is exactly `\.` can only be the end of a table's rows.
import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { z } from "zod";

export const MAGIC = "MAGHREB-MONITOR-BACKUP 1";
export const END_OF_ROWS = "\\.";
export const tableLine = (name: string) => `@@table ${JSON.stringify(name)}`;
export const endLine = (sha256: string) => `@@end ${sha256}`;

export const backupHeader = z.object({
  createdAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()).min(1), rows: z.number().int().min(0) })),
});
export type BackupHeader = z.infer<typeof backupHeader>;

export class BackupFileError extends Error {}

/** Hashes every line written or read, in order, as the `@@end` line records it. */
export class LineDigest {
  private readonly hash: Hash = createHash("sha256");
  add(line: string): string {
    this.hash.update(`${line}\n`);
    return line;
  }
  hex(): string {
    return this.hash.digest("hex");
  }
}

export interface BackupReader {
  header: BackupHeader;
  /** Each table in file order, with its row lines (without the `\.` terminator). */
  tables(): AsyncGenerator<{ name: string; rows: AsyncGenerator<string> }>;
}

/**
 * Reads a backup file line by line. A gzip error (corrupt or cut short), a missing section, a
 * row count that differs from the header or a wrong checksum throws BackupFileError, naming what.
 * Row generators must be drained in order.
 */
export async function openBackup(file: string): Promise<BackupReader> {
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on("error", (e) => gunzip.destroy(e));
  const lines = createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const digest = new LineDigest();

  async function next(what: string): Promise<string> {
    let result: IteratorResult<string>;
    try {
      result = await lines.next();
    } catch (e) {
      throw new BackupFileError(`${file} is damaged or cut short (${e instanceof Error ? e.message : String(e)}) while reading ${what}.`);
    }
    if (result.done) throw new BackupFileError(`${file} ends early, while reading ${what}: the file is truncated.`);
    return result.value;
  }

  if ((await next("its first line")) !== digest.add(MAGIC)) {
    throw new BackupFileError(`${file} is not a Maghreb Monitor backup (made by npm run db:backup).`);
  }
  let header: BackupHeader;
  try {
    header = backupHeader.parse(JSON.parse(digest.add(await next("the header"))));
  } catch (e) {
    if (e instanceof BackupFileError) throw e;
    throw new BackupFileError(`${file} has an unreadable header: the file is damaged.`);
  }

  async function* rowsOf(name: string, expected: number): AsyncGenerator<string> {
    let count = 0;
    for (;;) {
      const line = digest.add(await next(`table ${name}`));
      if (line === END_OF_ROWS) break;
      count++;
      yield line;
    }
    if (count !== expected) throw new BackupFileError(`${file}: table ${name} holds ${count} rows where the header says ${expected}: the file is damaged.`);
  }

  async function* tables() {
    for (const table of header.tables) {
      const line = digest.add(await next(`the start of table ${table.name}`));
      if (line !== tableLine(table.name)) throw new BackupFileError(`${file}: expected table ${table.name}, found something else: the file is damaged.`);
      yield { name: table.name, rows: rowsOf(table.name, table.rows) };
    }
    const expected = digest.hex();
    const last = await next("its closing checksum");
    if (last !== endLine(expected)) throw new BackupFileError(`${file}: the checksum does not match its contents: the file is damaged.`);
  }

  return { header, tables };
}

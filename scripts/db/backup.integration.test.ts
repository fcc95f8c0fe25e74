// npm run db:backup / db:restore round trip on a real PostgreSQL: a seeded database with fresh
// writes comes back identical (every table's rows, the relations index), and a damaged file,
// a non-empty target or a backup from unknown migrations is refused with nothing half-written.
import { copyFile, mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { Client } from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/server/db-client";
import { createCaller } from "@/server/root";
import { createContextInner } from "@/server/trpc";
import { useTestDatabase } from "@/scripts/test/database";
import { backupDatabase } from "./backup";
import { backupHeader, BackupFileError, endLine, LineDigest, tableLine } from "./backup-format";
import { restoreDatabase, RestoreRefusedError } from "./restore";
import { copyableTables, nonEmptyTables, quoteIdent } from "./tables";
import { createThrowawayDatabase } from "./throwaway";

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Each table's row count and a checksum of its rows' text, in a stable order. */
function contents(url: string): Promise<Record<string, { rows: number; md5: string | null }>> {
  return withClient(url, async (client) => {
    const result: Record<string, { rows: number; md5: string | null }> = {};
    for (const { name } of await copyableTables(client)) {
      const { rows } = await client.query<{ rows: string; md5: string | null }>(
        `SELECT count(*) AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM ${quoteIdent(name)} t`,
      );
      result[name] = { rows: Number(rows[0]?.rows), md5: rows[0]?.md5 ?? null };
    }
    return result;
  });
}

/**
 * A copy of a backup whose last non-empty table has a row PostgreSQL refuses (a field too
 * many), with a checksum that matches: every check passes, and the load fails half-way.
 */
async function withBadRowLate(file: string, damaged: string): Promise<string> {
  const lines = gunzipSync(await readFile(file)).toString("utf8").split("\n");
  lines.splice(-2); // the closing checksum and the empty string after the last newline
  const header = backupHeader.parse(JSON.parse(lines[1] ?? ""));
  const last = header.tables.findLast((t) => t.rows > 0);
  if (!last) throw new Error("the backup holds no rows");
  const at = lines.indexOf(tableLine(last.name)) + 1;
  lines[at] = `${lines[at]}\tone-field-too-many`;
  const digest = new LineDigest();
  for (const line of lines) digest.add(line);
  await writeFile(damaged, gzipSync(`${[...lines, endLine(digest.hex())].join("\n")}\n`));
  return last.name;
}

const stagingSchemas = (url: string) =>
  withClient(url, async (c) => (await c.query<{ name: string }>("SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'maghreb_restore_%'")).rows);

describe("backup and restore", async () => {
  const source = await useTestDatabase({ seed: true, demoUsers: true });
  const folder = await mkdtemp(path.join(tmpdir(), "maghreb-backup-"));
  const targets: { url: string; dispose(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(targets.map((t) => t.dispose()));
    await rm(folder, { recursive: true, force: true });
  });
  const emptyDatabase = async () => {
    const database = await createThrowawayDatabase(inject("pgServerUrl"), "maghreb_restore");
    targets.push(database);
    return database.url;
  };

  // Writes beyond the seed: an edited event (and its audit entry), a saved view.
  const admin = await source.db.user.findUniqueOrThrow({ where: { email: "admin@example.com" }, select: { id: true, name: true, email: true, role: true } });
  const asAdmin = createCaller(createContextInner({ db: source.db, user: { ...admin, role: "admin" } }));
  const event = await source.db.event.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
  const editing = await asAdmin.events.forEdit({ id: event.id });
  await asAdmin.events.update({ id: event.id, version: editing.version, data: { ...editing.values, title: "Edited before the backup — «ü» 🇲🇦" } });
  await asAdmin.views.create({ name: "Backed-up view", teamId: null, state: { v: 1, dyads: ["FRA-MAR"] } });
  const file = path.join(folder, "full.backup.gz");
  const lines: string[] = [];
  const header = await backupDatabase({ url: source.url, file, log: (line) => lines.push(line) });

  it("restores every table, row for row, into an empty database, and the index reads the same", async () => {
    const target = await emptyDatabase();
    await restoreDatabase({ url: target, file, log: (line) => lines.push(line) });
    const [before, after] = [await contents(source.url), await contents(target)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);
    expect(before.AuditLog?.rows).toBeGreaterThan(0);
    expect(before.SavedView?.rows).toBe(1);
    expect(header.tables.find((t) => t.name === "Event")?.rows).toBe(before.Event?.rows);

    const restoredDb = createPrismaClient(target, { poolSize: 2 });
    try {
      const reader = (db: typeof restoredDb) => createCaller(createContextInner({ db, user: { ...admin, role: "admin" } }));
      const summary = { dyads: ["FRA-MAR", "DZA-FRA", "DZA-MAR"], asOf: "2025-06-30" };
      expect(await reader(restoredDb).relations.summary(summary)).toEqual(await reader(source.db).relations.summary(summary));
      // Sequences continue after the restored rows: the next audit entry gets a fresh id.
      const { _max } = await restoredDb.auditLog.aggregate({ _max: { id: true } });
      const next = await restoredDb.auditLog.create({ data: { action: "UPDATE", entityType: "Event", entityId: event.id }, select: { id: true } });
      expect(next.id).toBeGreaterThan(_max.id ?? 0n);
    } finally {
      await restoredDb.$disconnect();
    }
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}Event: [\d,]+ rows$/));
  });

  it("refuses a non-empty target unless --force, which replaces what it holds", async () => {
    const target = await emptyDatabase();
    await restoreDatabase({ url: target, file });
    await expect(restoreDatabase({ url: target, file })).rejects.toThrow(RestoreRefusedError);
    await expect(restoreDatabase({ url: target, file })).rejects.toThrow(/not empty \(.*hold rows\).*--force/);
    await withClient(target, (c) => c.query(`UPDATE "Event" SET title = 'changed after restore'`));
    await restoreDatabase({ url: target, file, force: true });
    expect(await contents(target)).toEqual(await contents(source.url));
  });

  it.each([
    ["a flipped byte", async (damaged: string) => {
      const bytes = await readFile(damaged);
      const at = Math.floor(bytes.length * 0.6);
      bytes[at] = (bytes[at] ?? 0) ^ 0xff;
      await writeFile(damaged, bytes);
    }],
    ["a file cut short", async (damaged: string) => truncate(damaged, Math.floor((await readFile(damaged)).length * 0.6))],
    ["not a backup at all", async (damaged: string) => writeFile(damaged, "SELECT 1;\n")],
  ] as const)("%s: a clear error, and the target left empty", async (_what, damage) => {
    const damaged = path.join(folder, `damaged-${Date.now()}.backup.gz`);
    await copyFile(file, damaged);
    await damage(damaged);
    const target = await emptyDatabase();
    const failure = restoreDatabase({ url: target, file: damaged });
    await expect(failure).rejects.toThrow(BackupFileError);
    await expect(failure).rejects.toThrow(/damaged|truncated|cut short|not a Maghreb Monitor backup/);
    expect(await withClient(target, nonEmptyTables)).toEqual([]);
  });

  it("refuses a backup made by a newer version of the app (a migration this code does not have)", async () => {
    const newer = await emptyDatabase();
    await withClient(newer, (c) =>
      c.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, started_at, applied_steps_count) VALUES ('x', 'x', '29990101000000_from_the_future', now(), now(), 1)`),
    );
    const futureFile = path.join(folder, "future.backup.gz");
    await backupDatabase({ url: newer, file: futureFile });
    const target = await emptyDatabase();
    await expect(restoreDatabase({ url: target, file: futureFile })).rejects.toThrow(/newer version of the app \(migrations 29990101000000_from_the_future/);
  });

  it("--force keeps the old data when the load fails half-way, and leaves no copy behind", async () => {
    const target = await emptyDatabase();
    await restoreDatabase({ url: target, file });
    await withClient(target, (c) => c.query(`UPDATE "Event" SET title = 'written after the first restore'`));
    const before = await contents(target);
    const damaged = path.join(folder, `bad-row-${Date.now()}.backup.gz`);
    const table = await withBadRowLate(file, damaged);
    const progress: string[] = [];
    await expect(restoreDatabase({ url: target, file: damaged, force: true, log: (line) => progress.push(line) })).rejects.toThrow(/extra data after last expected column/);
    // Earlier tables were loaded before the failing one: the failure really was half-way.
    expect(progress.filter((line) => /^ {2}\w+: [\d,]+ rows$/.test(line)).length).toBeGreaterThan(3);
    expect(progress).not.toContainEqual(expect.stringMatching(new RegExp(`^ {2}${table}: `)));
    expect(await contents(target)).toEqual(before);
    expect(await stagingSchemas(target)).toEqual([]);
  });

  it("refuses, with one line, while another client is connected to the database", async () => {
    const target = await emptyDatabase();
    await restoreDatabase({ url: target, file });
    const before = await contents(target);
    await withClient(target, async (app) => {
      await app.query("SET application_name = 'maghreb-monitor-app'");
      const refused = restoreDatabase({ url: target, file, force: true });
      await expect(refused).rejects.toThrow(RestoreRefusedError);
      await expect(refused).rejects.toThrow(/^The database has 1 other connection\(s\) open \(maghreb-monitor-app\): stop the app and anything else using it, then restore again\.$/);
    });
    expect(await contents(target)).toEqual(before);
    // Once it is gone, the same restore goes through, and only the restored schema is left.
    await restoreDatabase({ url: target, file, force: true });
    expect(await contents(target)).toEqual(await contents(source.url));
    expect(await stagingSchemas(target)).toEqual([]);
  });
});

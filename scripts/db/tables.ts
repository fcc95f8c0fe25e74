// What a backup holds and in which order a restore loads it, read from the database's catalog
// so a table added by a migration is backed up without touching these scripts.
import type { Client } from "pg";

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The migrations a database has applied, as `_prisma_migrations` records them, oldest first. */
export async function appliedMigrations(client: Client): Promise<string[]> {
  const exists = await client.query("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok");
  if (!exists.rows[0]?.ok) return [];
  const { rows } = await client.query<{ migration_name: string }>(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
  );
  return rows.map((r) => r.migration_name);
}

/**
 * The app's tables with their stored columns (not generated ones), parents before children, so
 * that loading them in this order satisfies every foreign key.
 */
export async function copyableTables(client: Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows: columns } = await client.query<{ table: string; column: string }>(`
    SELECT c.relname AS table, a.attname AS column
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname, a.attnum`);
  const { rows: edges } = await client.query<{ child: string; parent: string }>(`
    SELECT child.relname AS child, parent.relname AS parent
    FROM pg_constraint k
    JOIN pg_class child ON child.oid = k.conrelid
    JOIN pg_class parent ON parent.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = child.relnamespace AND n.nspname = 'public'
    WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`);
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) byTable.set(table, [...(byTable.get(table) ?? []), column]);

  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const { parent } of edges.filter((e) => e.child === table)) visit(parent);
    ordered.push(table);
  };
  for (const table of [...byTable.keys()].sort()) visit(table);
  return ordered.map((name) => ({ name, columns: byTable.get(name) ?? [] }));
}

/** Tables of the app's schema holding at least one row: a restore refuses such a target. */
export async function nonEmptyTables(client: Client): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of await copyableTables(client)) {
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(name)}) AS any`);
    if (rows[0]?.any) found.push(name);
  }
  return found;
}

/** Moves every sequence owned by a column of `schema` past the largest value restored into it. */
export async function resetSequences(client: Client, schema = "public"): Promise<void> {
  const { rows } = await client.query<{ seq: string; table: string; column: string }>(`
    SELECT s.oid::regclass::text AS seq, t.relname AS table, a.attname AS column
    FROM pg_class s
    JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = $1
    WHERE s.relkind = 'S'`, [schema]);
  for (const { seq, table, column } of rows) {
    const qualified = `${quoteIdent(schema)}.${quoteIdent(table)}`;
    await client.query(
      `SELECT setval($1::regclass, COALESCE((SELECT max(${quoteIdent(column)}) FROM ${qualified}), 1), (SELECT count(*) > 0 FROM ${qualified}))`,
      [seq],
    );
  }
}

// Many rows in one statement: INSERT … SELECT FROM unnest(…), one array parameter per column, so
// the cost is PostgreSQL's and not the client's per-row work (Prisma's createMany spent ~0.6 ms
// a row in the Node process). Ids and timestamps are made here, in the app: the tables' cuid()
// defaults exist only in Prisma's client.
import type { DbOrTx } from "../db-client";

/** Each column's PostgreSQL type, as its array is cast: `text`, `date`, `"Level"`, `jsonb`… */
export type SqlTypes<Row> = { readonly [K in keyof Row]-?: string };

/** A JS value as its array element is sent: dates as ISO text, JSON as its text, the rest as is. */
function sqlValue(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (type === "jsonb") return JSON.stringify(value);
  return value;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Inserts `rows` into `table` in one statement, in their order (serial ids follow it). */
export async function insertUnnest<Row extends object>(db: DbOrTx, table: string, types: SqlTypes<Row>, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(types) as (keyof Row & string)[];
  const arrays = columns.map((column) => rows.map((row) => sqlValue(row[column], types[column])));
  const casts = columns.map((column, i) => `$${i + 1}::${types[column]}[]`).join(", ");
  const names = columns.map(quoted).join(", ");
  const sql = `INSERT INTO ${quoted(table)} (${names}) SELECT ${columns.map((_, i) => `c${i}`).join(", ")} FROM unnest(${casts}) WITH ORDINALITY AS t(${columns.map((_, i) => `c${i}`).join(", ")}, n) ORDER BY n`;
  await db.$executeRawUnsafe(sql, ...arrays);
}

let counter = 0;

/**
 * Ids in the shape of the cuid()s Prisma makes ('c', time, counter, randomness: 25 characters),
 * increasing within a process: a record's sources, read back in id order, keep the order written.
 */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const [random = 0n] = crypto.getRandomValues(new BigUint64Array(1));
  const tail = random.toString(36).padStart(13, "0").slice(-12);
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${tail}`;
}

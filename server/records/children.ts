// A record's child relations (sources, parties, links…): written after the record itself, in
// one statement for a whole batch of new records, and brought in line on each save.
import { dateOfDay } from "../method/day";
import type { DbOrTx } from "../db-client";
import { insertUnnest, newId, type SqlTypes } from "./bulk-insert";
import type { BulkPath } from "./pipeline";

export interface ChildRelation<Input, Row> {
  /** Writes the relation of records just inserted, all of them in one statement (unnest when the relation declares its table). */
  create(db: DbOrTx, records: readonly { id: string; data: Input }[], path?: BulkPath): Promise<unknown>;
  /** Brings a stored record's relation in line with the input it is saved with. */
  update(db: DbOrTx, id: string, data: Input, before: Row): Promise<unknown>;
}

/** The usual child relation: its rows are deleted and written anew on each save. */
export function rewrittenOnSave<Input, ChildRow extends object>(relation: {
  rows(data: Input, ownerId: string): ChildRow[];
  insert(db: DbOrTx, rows: ChildRow[]): Promise<unknown>;
  clear(db: DbOrTx, ownerId: string): Promise<unknown>;
  /** Its table and column types, for new records' rows in one unnest statement. */
  table?: { name: string; types: SqlTypes<ChildRow> };
}): ChildRelation<Input, unknown> {
  const insert = async (db: DbOrTx, rows: ChildRow[]) => {
    if (rows.length) await relation.insert(db, rows);
  };
  return {
    create: async (db, records, path = "unnest") => {
      const rows = records.flatMap((r) => relation.rows(r.data, r.id));
      if (relation.table && path === "unnest") await insertUnnest(db, relation.table.name, relation.table.types, rows);
      else await insert(db, rows);
    },
    update: async (db, id, data) => {
      await relation.clear(db, id);
      await insert(db, relation.rows(data, id));
    },
  };
}

interface SourceInput {
  publisher: string;
  title: string;
  url: string;
  publishedOn?: string;
}

type SourceOwner = { eventId: string } | { conditionId: string } | { agreementId: string };

interface SourceRow {
  id: string;
  publisher: string;
  title: string;
  url: string;
  publishedOn: Date | null;
  eventId?: string;
  conditionId?: string;
  agreementId?: string;
}

const SOURCE_TABLE = {
  name: "Source",
  types: { id: "text", publisher: "text", title: "text", url: "text", publishedOn: "date", eventId: "text", conditionId: "text", agreementId: "text" },
} satisfies { name: string; types: SqlTypes<SourceRow> };

/**
 * The cited sources every record type has; `owner` names the column that points at the record.
 * Ids are made here (increasing, so the sources read back in the order cited).
 */
export const sourcesOf = (owner: (id: string) => SourceOwner) =>
  rewrittenOnSave({
    rows: (data: { sources: SourceInput[] }, id: string): SourceRow[] =>
      data.sources.map((s) => ({ id: newId(), publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn ? dateOfDay(s.publishedOn) : null, ...owner(id) })),
    insert: (db, data) => db.source.createMany({ data }),
    clear: (db, id) => db.source.deleteMany({ where: owner(id) }),
    table: SOURCE_TABLE,
  });

// A record's child relations (sources, parties, links…): written after the record itself, in
// one statement for a whole batch of new records, and brought in line on each save.
import { dateOfDay } from "../method/day";
import type { DbOrTx } from "../db-client";

export interface ChildRelation<Input, Row> {
  /** Writes the relation of records just inserted, all of them in one statement. */
  create(db: DbOrTx, records: readonly { id: string; data: Input }[]): Promise<unknown>;
  /** Brings a stored record's relation in line with the input it is saved with. */
  update(db: DbOrTx, id: string, data: Input, before: Row): Promise<unknown>;
}

/** The usual child relation: its rows are deleted and written anew on each save. */
export function rewrittenOnSave<Input, ChildRow>(relation: {
  rows(data: Input, ownerId: string): ChildRow[];
  insert(db: DbOrTx, rows: ChildRow[]): Promise<unknown>;
  clear(db: DbOrTx, ownerId: string): Promise<unknown>;
}): ChildRelation<Input, unknown> {
  const insert = async (db: DbOrTx, rows: ChildRow[]) => {
    if (rows.length) await relation.insert(db, rows);
  };
  return {
    create: (db, records) => insert(db, records.flatMap((r) => relation.rows(r.data, r.id))),
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

/** The cited sources every record type has; `owner` names the column that points at the record. */
export const sourcesOf = (owner: (id: string) => SourceOwner) =>
  rewrittenOnSave({
    rows: (data: { sources: SourceInput[] }, id: string) =>
      data.sources.map((s) => ({ publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn ? dateOfDay(s.publishedOn) : null, ...owner(id) })),
    insert: (db, data) => db.source.createMany({ data }),
    clear: (db, id) => db.source.deleteMany({ where: owner(id) }),
  });

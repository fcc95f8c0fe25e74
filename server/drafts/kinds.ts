// The record types a draft can propose, each bound to its own form schema and its record
// declaration: a draft's stored values are parsed again before anything is done with them, and
// publishing goes through the record pipeline like a direct save (references, version check,
// audit entry, index refresh).
import type { z } from "zod";
import type { Db, DbOrTx } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { agreementRecord } from "../agreements/write";
import { agreementInput } from "../agreements/write-schemas";
import { conditionRecord } from "../conditions/write";
import { conditionInput } from "../conditions/schemas";
import { eventRecord } from "../events/write";
import { eventInput } from "../events/schemas";
import { createRecord, recordForEditing, setRecordArchived, updateRecord, type ArchiveArgs, type Origin, type RecordType, type StoredRecord } from "../records/pipeline";
import { AppError, FieldErrors } from "../shared/errors";
import { said } from "../shared/said";
import { isUniqueViolation } from "../shared/unique-violation";
import type { DraftRecordType } from "./schemas";

/** What publishing writes besides the record, in its transaction (the draft's own status). */
type Alongside = (tx: Prisma.TransactionClient, written: { id: string; version: number }) => Promise<void>;

export interface DraftKind {
  /** The values as the type's form schema reads them; a refusal names its fields under `data.`. */
  parse(values: unknown): object;
  /** The references the values name exist and are allowed (the dyad, a date not in the future). */
  checkReferences(db: DbOrTx, values: unknown, today: number): Promise<void>;
  /** The published record as an editor would load it; null when there is none. */
  current(db: Db, id: string): Promise<{ id: string; version: number; archived: boolean; values: object } | null>;
  /** Archives or restores the record at once (review off). */
  setArchived(input: ArchiveArgs): Promise<{ id: string; version: number }>;
  /**
   * Creates the record (no target, stored with `origin`), updates it against the version the draft
   * was based on, or (`archive` true or false) archives or restores it at that version.
   */
  publish(input: {
    db: Db;
    actorId: string;
    values: unknown;
    target: { id: string; version: number } | null;
    archive: boolean | null;
    origin: Origin;
    today: number;
    alongside: Alongside;
  }): Promise<{ id: string; version: number }>;
}

function kindOf<R extends StoredRecord, I extends object, F, C>(schema: z.ZodType<I>, type: RecordType<R, I, F, C>): DraftKind {
  const parse = (values: unknown): I => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return parsed.data;
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[["data", ...issue.path].join(".")] ??= []).push(issue.message);
    throw new FieldErrors(fields);
  };
  return {
    parse,
    checkReferences: async (db, values, today) => {
      await type.references(db, parse(values), today);
    },
    current: (db, id) => recordForEditing({ db, type, id }),
    setArchived: (args) => setRecordArchived({ ...args, type }),
    publish: ({ db, actorId, values, target, archive, origin, today, alongside }) => {
      if (target && archive !== null) return setRecordArchived({ db, type, actorId, id: target.id, version: target.version, archived: archive, today, alongside });
      const data = parse(values);
      if (target) return updateRecord({ db, type, actorId, id: target.id, version: target.version, data, today, alongside });
      return createRecord({ db, type, actorId, data, today, origin, alongside }).catch((error: unknown) => {
        // An imported row's or a headline's event published meanwhile by another path: not a 500.
        if (origin.externalId !== undefined && isUniqueViolation(error)) throw new AppError("CONFLICT", said("externalIdTaken"));
        throw error;
      });
    },
  };
}

export const DRAFT_KINDS: Record<DraftRecordType, DraftKind> = {
  Event: kindOf(eventInput, eventRecord),
  Condition: kindOf(conditionInput, conditionRecord),
  Agreement: kindOf(agreementInput, agreementRecord),
};

/** Where each type's published record opens, for links from the review screen. */
export const RECORD_PATHS: Record<DraftRecordType, string> = { Event: "/events/", Condition: "/admin/conditions/", Agreement: "/agreements/" };

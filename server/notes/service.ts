// Analyst notes: what an analyst wrote about an event, an agreement or a day of a dyad's index,
// private or shared with one team under the saved views' rules (teams/sharing.ts): a note one may
// not read is NOT_FOUND, exactly like one that does not exist; a teammate who may read but not
// change it gets FORBIDDEN. A note on a record one may not read (archived, for analysts) is hidden
// with it. Notes never touch the index. Every change is audited (AnalystNote) in its own transaction.
import { recordAudit } from "../admin/audit";
import { canDeleteShared, canEditShared, canReadArchived, canReadShared, canShareWith, type SessionUser } from "../auth/permissions";
import type { Db, DbOrTx } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { fromDay, toDay } from "../method/day";
import { readableRecords } from "../records/archived";
import { dateOfDay, isoDayOf } from "../scope/day";
import { underCap } from "../shared/caps";
import { AppError, fieldError, staleVersion } from "../shared/errors";
import { ownerSelect, readableBy, readerOf, sharedAccess, stillEditableBy, type Reader } from "../teams/sharing";
import type { NoteTarget } from "./schemas";
import { said } from "../shared/said";

/** Notes one person may keep: a long season of annotating, few enough that every list stays short to read. */
export const MAX_NOTES_OWNED = 1_000;

/** A record's or a chart's notes come back at most this many at a time, oldest first. */
const NOTES_LISTED = 200;

const noteSelect = {
  id: true,
  ownerId: true,
  teamId: true,
  subject: true,
  eventId: true,
  agreementId: true,
  day: true,
  body: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  owner: ownerSelect,
  team: { select: { id: true, name: true } },
  dyad: { select: { key: true } },
  event: { select: { title: true } },
  agreement: { select: { title: true } },
} satisfies Prisma.AnalystNoteSelect;

type NoteRow = Prisma.AnalystNoteGetPayload<{ select: typeof noteSelect }>;

const notFound = () => new AppError("NOT_FOUND", said("noSuchNote"));
const forbidden = () => new AppError("FORBIDDEN", said("noteAuthorOnly"));
const SHARE_REFUSAL = said("shareWithOwn");

function present(row: NoteRow, reader: Reader) {
  const access = sharedAccess(row);
  return {
    id: row.id,
    body: row.body,
    owner: { id: row.owner.id, name: row.owner.name },
    team: row.team,
    /** What it is about, with the title to show beside the note on a chart's list. */
    on:
      row.subject === "EVENT"
        ? { kind: "event" as const, id: row.eventId, title: row.event?.title ?? null }
        : row.subject === "AGREEMENT"
          ? { kind: "agreement" as const, id: row.agreementId, title: row.agreement?.title ?? null }
          : { kind: "day" as const, id: null, title: null },
    /** Where a dyad's chart places it; null for an agreement without a pair or a date. */
    dyad: row.dyad?.key ?? null,
    day: row.day ? isoDayOf(row.day) : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    canEdit: canEditShared(reader, access),
    canDelete: canDeleteShared(reader, access),
  };
}

export type AnalystNote = ReturnType<typeof present>;

/** The records behind notes, as the reader may see them: archived ones are admins' only. */
function onReadableRecords(user: SessionUser): Prisma.AnalystNoteWhereInput {
  const records = readableRecords(canReadArchived(user));
  return { AND: [{ OR: [{ eventId: null }, { event: records }] }, { OR: [{ agreementId: null }, { agreement: records }] }] };
}

/** Where a note sits, read from what it is about; NOT_FOUND, on the form's target, when that does not exist for this reader. */
async function placeOf(db: Db, user: SessionUser, on: NoteTarget) {
  const records = readableRecords(canReadArchived(user));
  if (on.kind === "event") {
    const event = await db.event.findFirst({ where: { id: on.id, ...records }, select: { dyadId: true, placementDate: true } });
    if (!event) throw new AppError("NOT_FOUND", said("noSuchEvent"));
    return { subject: "EVENT" as const, eventId: on.id, dyadId: event.dyadId, day: event.placementDate };
  }
  if (on.kind === "agreement") {
    const agreement = await db.agreement.findFirst({ where: { id: on.id, ...records }, select: { dyadId: true, date: true } });
    if (!agreement) throw new AppError("NOT_FOUND", said("noSuchAgreement"));
    return { subject: "AGREEMENT" as const, agreementId: on.id, dyadId: agreement.dyadId, day: agreement.date };
  }
  const dyad = await db.dyad.findUnique({ where: { key: on.dyad }, select: { id: true } });
  if (!dyad) throw new AppError("NOT_FOUND", said("noSuchDyadSentence"));
  if (toDay(on.day) > toDay(new Date())) throw fieldError("BAD_REQUEST", "on.day", said("dayUpToToday", { today: fromDay(toDay(new Date())) }));
  return { subject: "DYAD_DAY" as const, dyadId: dyad.id, day: dateOfDay(toDay(on.day)) };
}

/** The query form of a target: the notes about it. */
async function aboutTarget(db: Db, user: SessionUser, on: NoteTarget): Promise<Prisma.AnalystNoteWhereInput> {
  const place = await placeOf(db, user, on);
  if (place.subject === "EVENT") return { eventId: place.eventId };
  if (place.subject === "AGREEMENT") return { agreementId: place.agreementId };
  return { subject: "DYAD_DAY", dyadId: place.dyadId, day: place.day };
}

/** The notes I may read about one event, agreement or dyad day, oldest first. */
export async function notesOn({ db, user, on }: { db: Db; user: SessionUser; on: NoteTarget }): Promise<AnalystNote[]> {
  const [about, reader] = await Promise.all([aboutTarget(db, user, on), readerOf(db, user)]);
  const rows = await db.analystNote.findMany({ where: { AND: [about, readableBy(user.id)] }, select: noteSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: NOTES_LISTED });
  return rows.map((row) => present(row, reader));
}

/** The notes I may read placed on a dyad between two days (its chart's markers), by day. */
export async function notesOnDyad({ db, user, dyad, from, to }: { db: Db; user: SessionUser; dyad: string; from: string; to: string }): Promise<AnalystNote[]> {
  if (from > to) throw fieldError("BAD_REQUEST", "to", said("rangeOrder"));
  const [reader, rows] = await Promise.all([
    readerOf(db, user),
    db.analystNote.findMany({
      where: { AND: [{ dyad: { key: dyad }, day: { gte: dateOfDay(toDay(from)), lte: dateOfDay(toDay(to)) } }, readableBy(user.id), onReadableRecords(user)] },
      select: noteSelect,
      orderBy: [{ day: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      take: NOTES_LISTED,
    }),
  ]);
  return rows.map((row) => present(row, reader));
}

async function readableNote({ db, user, id }: { db: Db; user: SessionUser; id: string }): Promise<{ row: NoteRow; reader: Reader }> {
  const [row, reader] = await Promise.all([db.analystNote.findFirst({ where: { AND: [{ id }, onReadableRecords(user)] }, select: noteSelect }), readerOf(db, user)]);
  if (!row || !canReadShared(reader, row)) throw notFound();
  return { row, reader };
}

export async function getNote(args: { db: Db; user: SessionUser; id: string }): Promise<AnalystNote> {
  const { row, reader } = await readableNote(args);
  return present(row, reader);
}

/** What a note's audit entry says it holds. */
const auditedNote = (row: Pick<NoteRow, "ownerId" | "teamId" | "subject" | "eventId" | "agreementId" | "day" | "body">) => ({
  ownerId: row.ownerId,
  teamId: row.teamId,
  subject: row.subject,
  eventId: row.eventId,
  agreementId: row.agreementId,
  day: row.day ? isoDayOf(row.day) : null,
  body: row.body,
});

type AuditedNote = ReturnType<typeof auditedNote>;

function auditNote(db: DbOrTx, input: { actorId: string; action: "CREATE" | "UPDATE" | "DELETE"; id: string; before: Partial<AuditedNote> | null; after: Partial<AuditedNote> | null }) {
  return recordAudit({ db, actorId: input.actorId, action: input.action, entityType: "AnalystNote", entityId: input.id, before: input.before, after: input.after });
}

export async function createNote({ db, user, on, body, teamId }: { db: Db; user: SessionUser; on: NoteTarget; body: string; teamId: string | null }): Promise<AnalystNote> {
  const reader = await readerOf(db, user);
  if (!canShareWith(reader, teamId)) throw fieldError("BAD_REQUEST", "teamId", SHARE_REFUSAL);
  const place = await placeOf(db, user, on);
  const row = await underCap({
    db,
    kind: "notes",
    holderId: user.id,
    max: MAX_NOTES_OWNED,
    count: (tx) => tx.analystNote.count({ where: { ownerId: user.id } }),
    refusal: { field: "body", message: said("notesCap", { max: MAX_NOTES_OWNED }) },
    create: async (tx) => {
      const created = await tx.analystNote.create({ data: { ...place, body, ownerId: user.id, teamId }, select: noteSelect });
      await auditNote(tx, { actorId: user.id, action: "CREATE", id: created.id, before: null, after: auditedNote(created) });
      return created;
    },
  });
  return present(row, reader);
}

/**
 * The author's edit of the body and who reads it, against the version their form loaded. The write
 * repeats the checks in its own `where`, so a removal from the team or another save landing between
 * the read and the write is refused as such, not overwritten.
 */
export async function updateNote({ db, user, id, version, body, teamId }: { db: Db; user: SessionUser; id: string; version: number; body: string; teamId: string | null }): Promise<AnalystNote> {
  const before = await editableAt({ db, user, id, version });
  if (!canShareWith(before.reader, teamId)) throw fieldError("BAD_REQUEST", "teamId", SHARE_REFUSAL);
  const count = await db.$transaction(async (tx) => {
    const updated = await tx.analystNote.updateMany({ where: { id, ownerId: user.id, version, ...stillEditableBy(user.id) }, data: { body, teamId, version: { increment: 1 } } });
    if (updated.count > 0) {
      await auditNote(tx, { actorId: user.id, action: "UPDATE", id, before: { body: before.row.body, teamId: before.row.teamId }, after: { body, teamId } });
    }
    return updated.count;
  });
  // Changed between the check and the write: the same check again says how (gone, left the team, saved).
  if (count === 0) await editableAt({ db, user, id, version });
  return getNote({ db, user, id });
}

/** The note, when the user may edit it and it is still at `version`; refused otherwise. */
async function editableAt(args: { db: Db; user: SessionUser; id: string; version: number }) {
  const found = await readableNote(args);
  if (!canEditShared(found.reader, found.row)) throw forbidden();
  if (found.row.version !== args.version) {
    throw staleVersion({ version: found.row.version, values: { body: found.row.body, teamId: found.row.teamId }, updatedAt: found.row.updatedAt });
  }
  return found;
}

/** By its author while they may edit it, or by the team's owners once its author has left the team. */
export async function deleteNote({ db, user, id }: { db: Db; user: SessionUser; id: string }): Promise<{ id: string }> {
  const { row, reader } = await readableNote({ db, user, id });
  if (!canDeleteShared(reader, sharedAccess(row))) throw forbidden();
  await db.$transaction(async (tx) => {
    const { count } = await tx.analystNote.deleteMany({ where: { id, ownerId: row.ownerId, teamId: row.teamId } });
    if (count > 0) await auditNote(tx, { actorId: user.id, action: "DELETE", id, before: auditedNote(row), after: null });
  });
  return { id };
}

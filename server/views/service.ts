// Saved views: a named dashboard state, private or shared with one team.
// A view the user may not read is NOT_FOUND, exactly like one that does not exist, so an id
// tells an outsider nothing; a teammate who may read but not change it gets FORBIDDEN.
// Every change is audited (SavedView) in its own transaction: name, team shared with and state.
import { recordAudit } from "../admin/audit";
import { canDeleteShared, canEditShared, canReadShared, canShareWith, type SessionUser } from "../auth/permissions";
import type { Db, DbOrTx } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { ownerSelect, readableBy, readerOf, sharedAccess, stillEditableBy, type Reader } from "../teams/sharing";
import { underCap } from "../shared/caps";
import { AppError, fieldError, staleVersion } from "../shared/errors";
import { decodeViewCursor, encodeViewCursor, type ViewPosition } from "./cursor";
import { migrateViewState, VIEW_STATE_VERSION, type ViewState } from "./state";
import { said } from "../shared/said";

/** Views one person may own: far more than a desk uses, few enough that /views stays a list one reads. */
export const MAX_VIEWS_OWNED = 200;

const savedViewSelect = {
  id: true,
  name: true,
  ownerId: true,
  teamId: true,
  state: true,
  stateVersion: true,
  version: true,
  updatedAt: true,
  owner: ownerSelect,
  team: { select: { id: true, name: true } },
} satisfies Prisma.SavedViewSelect;

type SavedViewRow = Prisma.SavedViewGetPayload<{ select: typeof savedViewSelect }>;

const notFound = () => new AppError("NOT_FOUND", said("noSuchView"));

function present(row: SavedViewRow, reader: Reader) {
  const view = sharedAccess(row);
  return {
    id: row.id,
    name: row.name,
    owner: { id: row.owner.id, name: row.owner.name },
    team: row.team,
    state: migrateViewState(row.stateVersion, row.state),
    version: row.version,
    updatedAt: row.updatedAt,
    canEdit: canEditShared(reader, view),
    canDelete: canDeleteShared(reader, view),
    /** Shared by someone who has since left the team: read-only until the team's owners delete it. */
    ownerLeftTeam: view.teamId !== null && !view.ownerInTeam,
  };
}

export type SavedView = ReturnType<typeof present>;

/** The rows past a cursor, in the list's order (most recently changed first, then by id). */
function beyond({ towards, updatedAt, id }: ViewPosition): Prisma.SavedViewWhereInput {
  return towards === "older"
    ? { OR: [{ updatedAt: { lt: updatedAt } }, { updatedAt, id: { gt: id } }] }
    : { OR: [{ updatedAt: { gt: updatedAt } }, { updatedAt, id: { lt: id } }] };
}

const positionOf = (towards: ViewPosition["towards"], row: { updatedAt: Date; id: string }) => encodeViewCursor({ towards, updatedAt: row.updatedAt, id: row.id });

export interface ViewsPage {
  items: SavedView[];
  /** The page after this one (older views), null on the last. */
  nextCursor: string | null;
  /** The page before this one (more recently changed views), null on the first. */
  previousCursor: string | null;
}

/** One page of the views I can read, most recently changed first. */
export async function listViews({ db, user, cursor, limit }: { db: Db; user: SessionUser; cursor?: string | null; limit: number }): Promise<ViewsPage> {
  const position = cursor ? decodeViewCursor(cursor) : null;
  if (cursor && !position) throw fieldError("BAD_REQUEST", "cursor", said("badPageLink"));
  const newer = position?.towards === "newer";
  const [reader, rows] = await Promise.all([
    readerOf(db, user),
    db.savedView.findMany({
      where: position ? { AND: [readableBy(user.id), beyond(position)] } : readableBy(user.id),
      select: savedViewSelect,
      orderBy: newer ? [{ updatedAt: "asc" }, { id: "desc" }] : [{ updatedAt: "desc" }, { id: "asc" }],
      take: limit + 1,
    }),
  ]);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (newer) page.reverse();
  const [first, last] = [page.at(0), page.at(-1)];
  // Coming from a cursor, there are rows on its side; an empty page points back at the cursor itself.
  const back = position && { updatedAt: position.updatedAt, id: position.id };
  const olderEnd = newer ? (last ?? back) : more ? last : null;
  const newerEnd = newer ? (more ? first : null) : position ? (first ?? back) : null;
  return {
    items: page.map((row) => present(row, reader)),
    nextCursor: olderEnd ? positionOf("older", olderEnd) : null,
    previousCursor: newerEnd ? positionOf("newer", newerEnd) : null,
  };
}

async function readableRow({ db, user, id }: { db: Db; user: SessionUser; id: string }): Promise<{ row: SavedViewRow; reader: Reader }> {
  const [row, reader] = await Promise.all([db.savedView.findUnique({ where: { id }, select: savedViewSelect }), readerOf(db, user)]);
  if (!row || !canReadShared(reader, row)) throw notFound();
  return { row, reader };
}

const forbidden = () => new AppError("FORBIDDEN", said("viewOwnerOnly"));

/** A save against a version someone has moved on: refused with what the view holds now. */
function staleView(row: SavedViewRow) {
  return staleVersion({ version: row.version, values: { name: row.name, state: migrateViewState(row.stateVersion, row.state) }, updatedAt: row.updatedAt });
}

export async function getView(args: { db: Db; user: SessionUser; id: string }): Promise<SavedView> {
  const { row, reader } = await readableRow(args);
  return present(row, reader);
}

const stateData = (state: ViewState) => ({ state, stateVersion: VIEW_STATE_VERSION });

/** What a view's audit entry says it holds: its name, the team it is shared with (null: only its owner) and its state. */
const auditedView = (row: SavedViewRow) => ({ name: row.name, ownerId: row.ownerId, teamId: row.teamId, state: migrateViewState(row.stateVersion, row.state) });

function auditView(db: DbOrTx, input: { actorId: string; action: "CREATE" | "UPDATE" | "DELETE"; id: string; before: Partial<ReturnType<typeof auditedView>> | null; after: Partial<ReturnType<typeof auditedView>> | null }) {
  return recordAudit({ db, actorId: input.actorId, action: input.action, entityType: "SavedView", entityId: input.id, before: input.before, after: input.after });
}

export async function createView({ db, user, name, teamId, state }: { db: Db; user: SessionUser; name: string; teamId: string | null; state: ViewState }) {
  const reader = await readerOf(db, user);
  if (!canShareWith(reader, teamId)) throw fieldError("BAD_REQUEST", "teamId", said("shareWithOwn"));
  const row = await underCap({
    db,
    kind: "views",
    holderId: user.id,
    max: MAX_VIEWS_OWNED,
    count: (tx) => tx.savedView.count({ where: { ownerId: user.id } }),
    refusal: { field: "name", message: said("viewsCap", { max: MAX_VIEWS_OWNED }) },
    create: async (tx) => {
      const created = await tx.savedView.create({ data: { name, ownerId: user.id, teamId, ...stateData(state) }, select: savedViewSelect });
      await auditView(tx, { actorId: user.id, action: "CREATE", id: created.id, before: null, after: auditedView(created) });
      return created;
    },
  });
  return present(row, reader);
}

/**
 * The owner's change, against the version their editor loaded. The write repeats the checks in its
 * own `where` (still theirs, still in the team, still that version), so a removal or another save
 * landing between the read and the write is refused as such, not overwritten.
 */
async function changeOwnView({ db, user, id, version, change }: { db: Db; user: SessionUser; id: string; version: number; change: { name: string } | { state: ViewState } }) {
  const before = auditedView(await editableAt({ db, user, id, version }));
  const [data, audited] = "name" in change ? [change, { before: { name: before.name }, after: change }] : [stateData(change.state), { before: { state: before.state }, after: change }];
  const count = await db.$transaction(async (tx) => {
    const updated = await tx.savedView.updateMany({ where: { id, ownerId: user.id, version, ...stillEditableBy(user.id) }, data: { ...data, version: { increment: 1 } } });
    if (updated.count > 0) await auditView(tx, { actorId: user.id, action: "UPDATE", id, ...audited });
    return updated.count;
  });
  if (count === 0) {
    // Changed between the check and the write: the same check again says how (gone, left the team, saved).
    throw staleView(await editableAt({ db, user, id, version }));
  }
  return getView({ db, user, id });
}

/** The view, when the user may edit it and it is still at `version`; refused otherwise. */
async function editableAt(args: { db: Db; user: SessionUser; id: string; version: number }): Promise<SavedViewRow> {
  const { row, reader } = await readableRow(args);
  if (!canEditShared(reader, row)) throw forbidden();
  if (row.version !== args.version) throw staleView(row);
  return row;
}

export function renameView(args: { db: Db; user: SessionUser; id: string; version: number; name: string }) {
  return changeOwnView({ ...args, change: { name: args.name } });
}

export function updateViewState(args: { db: Db; user: SessionUser; id: string; version: number; state: ViewState }) {
  return changeOwnView({ ...args, change: { state: args.state } });
}

/** By its owner while they may edit it, or by the team's owners once its owner has left the team. */
export async function deleteView({ db, user, id }: { db: Db; user: SessionUser; id: string }): Promise<{ id: string }> {
  const { row, reader } = await readableRow({ db, user, id });
  if (!canDeleteShared(reader, sharedAccess(row))) throw forbidden();
  await db.$transaction(async (tx) => {
    const { count } = await tx.savedView.deleteMany({ where: { id, ownerId: row.ownerId, teamId: row.teamId } });
    if (count > 0) await auditView(tx, { actorId: user.id, action: "DELETE", id, before: auditedView(row), after: null });
  });
  return { id };
}

/** A private copy: how a teammate makes a shared view their own. */
export async function duplicateView({ db, user, id, name }: { db: Db; user: SessionUser; id: string; name?: string }) {
  const source = await getView({ db, user, id });
  return createView({ db, user, name: name ?? `Copy of ${source.name}`.slice(0, 80), teamId: null, state: source.state });
}

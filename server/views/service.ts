// Saved views: a named dashboard state, private or shared with one team.
// A view the user may not read is NOT_FOUND, exactly like one that does not exist, so an id
// tells an outsider nothing; a teammate who may read but not change it gets FORBIDDEN.
import { canEditView, canReadView, canShareWith, type SessionUser } from "../auth/permissions";
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { teamIdsOf } from "../teams/service";
import { underCap } from "../shared/caps";
import { AppError, fieldError } from "../shared/errors";
import { migrateViewState, VIEW_STATE_VERSION, type ViewState } from "./state";

/** Views one person may own: far more than a desk uses, few enough that /views stays a list one reads. */
export const MAX_VIEWS_OWNED = 200;

const savedViewSelect = {
  id: true,
  name: true,
  ownerId: true,
  teamId: true,
  state: true,
  stateVersion: true,
  updatedAt: true,
  owner: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
} satisfies Prisma.SavedViewSelect;

type SavedViewRow = Prisma.SavedViewGetPayload<{ select: typeof savedViewSelect }>;

const notFound = () => new AppError("NOT_FOUND", "No such view.");

function present(row: SavedViewRow, user: SessionUser) {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    team: row.team,
    state: migrateViewState(row.stateVersion, row.state),
    updatedAt: row.updatedAt,
    canEdit: canEditView(user, row),
  };
}

export type SavedView = ReturnType<typeof present>;

async function readerOf(db: Db, user: SessionUser) {
  return { id: user.id, teamIds: await teamIdsOf({ db, userId: user.id }) };
}

/** The query form of canReadView: mine, and those shared with my teams. */
export async function listViews({ db, user }: { db: Db; user: SessionUser }): Promise<SavedView[]> {
  const reader = await readerOf(db, user);
  const rows = await db.savedView.findMany({
    where: { OR: [{ ownerId: reader.id }, { teamId: { in: reader.teamIds } }] },
    select: savedViewSelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => present(row, user));
}

async function readableRow({ db, user, id }: { db: Db; user: SessionUser; id: string }): Promise<SavedViewRow> {
  const [row, reader] = await Promise.all([db.savedView.findUnique({ where: { id }, select: savedViewSelect }), readerOf(db, user)]);
  if (!row || !canReadView(reader, row)) throw notFound();
  return row;
}

async function editableRow(args: { db: Db; user: SessionUser; id: string }): Promise<SavedViewRow> {
  const row = await readableRow(args);
  if (!canEditView(args.user, row)) {
    throw new AppError("FORBIDDEN", "Only the owner can change this view. Duplicate it to make your own.");
  }
  return row;
}

export async function getView(args: { db: Db; user: SessionUser; id: string }): Promise<SavedView> {
  return present(await readableRow(args), args.user);
}

const stateData = (state: ViewState) => ({ state, stateVersion: VIEW_STATE_VERSION });

export async function createView({ db, user, name, teamId, state }: { db: Db; user: SessionUser; name: string; teamId: string | null; state: ViewState }) {
  if (!canShareWith(await readerOf(db, user), teamId)) throw fieldError("BAD_REQUEST", "teamId", "Share with yourself or one of your teams.");
  const row = await underCap({
    db,
    kind: "views",
    userId: user.id,
    max: MAX_VIEWS_OWNED,
    count: (tx) => tx.savedView.count({ where: { ownerId: user.id } }),
    refusal: { field: "name", message: `You have ${MAX_VIEWS_OWNED} saved views, the most one person can keep: delete one you no longer use first.` },
    create: (tx) => tx.savedView.create({ data: { name, ownerId: user.id, teamId, ...stateData(state) }, select: savedViewSelect }),
  });
  return present(row, user);
}

/** The owner's change, written only while the row is still theirs (it may be deleted meanwhile). */
async function changeOwnView({ db, user, id, data }: { db: Db; user: SessionUser; id: string; data: Prisma.SavedViewUpdateManyMutationInput }) {
  await editableRow({ db, user, id });
  const { count } = await db.savedView.updateMany({ where: { id, ownerId: user.id }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw notFound();
  return getView({ db, user, id });
}

export function renameView(args: { db: Db; user: SessionUser; id: string; name: string }) {
  return changeOwnView({ ...args, data: { name: args.name } });
}

export function updateViewState(args: { db: Db; user: SessionUser; id: string; state: ViewState }) {
  return changeOwnView({ ...args, data: stateData(args.state) });
}

export async function deleteView({ db, user, id }: { db: Db; user: SessionUser; id: string }): Promise<{ id: string }> {
  await editableRow({ db, user, id });
  await db.savedView.deleteMany({ where: { id, ownerId: user.id } });
  return { id };
}

/** A private copy: how a teammate makes a shared view their own. */
export async function duplicateView({ db, user, id, name }: { db: Db; user: SessionUser; id: string; name?: string }) {
  const source = await getView({ db, user, id });
  return createView({ db, user, name: name ?? `Copy of ${source.name}`.slice(0, 80), teamId: null, state: source.state });
}

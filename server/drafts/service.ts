// Drafts: a record's proposed creation or edit, waiting for a second admin. The published tables
// are untouched until a draft is published, so no analyst read (summary, series, feed, map,
// exports, Atom) can see one. Each state change is one transaction with its audit entry
// (entity "Draft": DRAFT, RETURN, PUBLISH, WITHDRAW); publishing writes the record through the
// pipeline in the same transaction as the draft's status, so both happen or neither.
import { recordAudit } from "../admin/audit";
import { requireOtherReviewer } from "../auth/gate";
import { isAdmin, type SessionUser } from "../auth/permissions";
import type { Db, DbOrTx } from "../db-client";
import type { DraftStatus, Prisma } from "../generated/prisma/client";
import { AppError, staleVersion } from "../shared/errors";
import { said } from "../shared/said";
import { DRAFT_KINDS } from "./kinds";
import { releaseOrigins, settleOrigins } from "./origins";
import type { DraftRecordType, SaveDraftInput } from "./schemas";

export const draftSelect = {
  id: true,
  recordType: true,
  recordId: true,
  baseVersion: true,
  values: true,
  title: true,
  status: true,
  version: true,
  authorId: true,
  comment: true,
  createdAt: true,
  updatedAt: true,
  reviewedAt: true,
  author: { select: { name: true, email: true } },
  reviewer: { select: { name: true } },
  fromEvent: { select: { id: true, title: true } },
  source: true,
  archive: true,
  provenance: true,
  externalId: true,
  fromHeadlineId: true,
  fromClusterId: true,
} satisfies Prisma.DraftSelect;

export type StoredDraft = Prisma.DraftGetPayload<{ select: typeof draftSelect }>;

/** Drafts still in review: waiting for a reviewer, or back with their authors. */
const OPEN: DraftStatus[] = ["PENDING", "RETURNED"];

const json = (value: unknown): Prisma.InputJsonValue => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

async function loadDraft(db: DbOrTx, id: string): Promise<StoredDraft> {
  const draft = await db.draft.findUnique({ where: { id }, select: draftSelect });
  if (!draft) throw new AppError("NOT_FOUND", said("noSuchDraft"));
  return draft;
}

/** The conflict a draft decided meanwhile, or changed since the caller loaded it, meets. */
function refuseMoved(draft: StoredDraft, version: number, allowed: readonly DraftStatus[]): void {
  if (!allowed.includes(draft.status)) {
    const status = draft.status.toLowerCase();
    throw new AppError("CONFLICT", draft.reviewer?.name ? said("draftAlreadyDecidedBy", { status, name: draft.reviewer.name }) : said("draftAlreadyDecided", { status }));
  }
  if (draft.version !== version) throw new AppError("CONFLICT", said("draftChangedSinceOpened"));
}

/**
 * Saves a draft: a new one, or (with `draft`) its author's next version, which goes back to
 * PENDING for review. The values were validated by the procedure's schema; the references and,
 * for an edit, the version of the record it is based on are checked here.
 */
export async function saveDraft(input: { db: Db; author: SessionUser; save: SaveDraftInput; today: number }): Promise<{ id: string; version: number }> {
  const { db, author, save, today } = input;
  const kind = DRAFT_KINDS[save.type];
  await kind.checkReferences(db, save.data, today);
  if (save.target) {
    const current = await kind.current(db, save.target.id);
    if (!current) throw new AppError("NOT_FOUND", said("noSuchRecordOfType", { type: save.type.toLowerCase() }));
    if (current.version !== save.target.version) throw staleVersion({ version: current.version, values: current.values, updatedAt: new Date() });
  }
  const values = json(save.data);
  const columns = { values, title: save.data.title, status: "PENDING" as const };
  return db.$transaction(async (tx) => {
    if (!save.draft) {
      const created = await tx.draft.create({
        data: { ...columns, recordType: save.type, recordId: save.target?.id ?? null, baseVersion: save.target?.version ?? null, authorId: author.id },
        select: { id: true, version: true },
      });
      await audit(tx, author.id, "DRAFT", created.id, null, { recordType: save.type, recordId: save.target?.id ?? null, status: "PENDING", values });
      return created;
    }
    const before = await loadDraft(tx, save.draft.id);
    if (before.authorId !== author.id) throw new AppError("FORBIDDEN", said("draftAuthorEdits"));
    if (before.archive !== null) throw new AppError("BAD_REQUEST", said("archiveDraftHasNoValues"));
    if (before.recordType !== save.type || before.recordId !== (save.target?.id ?? null)) throw new AppError("BAD_REQUEST", said("draftOtherRecord"));
    refuseMoved(before, save.draft.version, OPEN);
    const { count } = await tx.draft.updateMany({
      where: { id: before.id, version: before.version, status: { in: OPEN } },
      data: { ...columns, baseVersion: save.target?.version ?? null, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", said("draftChangedMeanwhile"));
    await audit(tx, author.id, "DRAFT", before.id, { status: before.status, values: json(before.values) }, { status: "PENDING", values });
    return { id: before.id, version: before.version + 1 };
  });
}

/**
 * Publishes a pending draft as the record it proposes, through the pipeline (an edit against the
 * version it was based on: a record saved meanwhile is the pipeline's stale-version conflict), and
 * marks it published in the same transaction. Its author may not: four eyes.
 */
export async function publishDraft(input: { db: Db; reviewer: SessionUser; id: string; version: number; today: number }): Promise<{ recordType: DraftRecordType; recordId: string }> {
  const { db, reviewer, id, version, today } = input;
  const draft = await loadDraft(db, id);
  requireOtherReviewer(reviewer, draft);
  refuseMoved(draft, version, ["PENDING"]);
  const target = draft.recordId !== null && draft.baseVersion !== null ? { id: draft.recordId, version: draft.baseVersion } : null;
  const written = await DRAFT_KINDS[draft.recordType].publish({
    db,
    actorId: reviewer.id,
    values: draft.values,
    target,
    archive: draft.archive,
    origin: { provenance: draft.provenance, ...(draft.externalId !== null && { externalId: draft.externalId }) },
    today,
    alongside: async (tx, record) => {
      await settle(tx, { draft, version, reviewer, data: { status: "PUBLISHED", recordId: record.id } });
      const linkedEventId = await linkProposingEvent(tx, draft, record.id);
      await settleOrigins(tx, draft, record.id, reviewer.id);
      await audit(tx, reviewer.id, "PUBLISH", draft.id, { status: "PENDING" }, { status: "PUBLISHED", recordType: draft.recordType, recordId: record.id, recordVersion: record.version, linkedEventId, ...(draft.archive !== null && { archive: draft.archive }) });
    },
  });
  return { recordType: draft.recordType, recordId: written.id };
}

/** A condition proposed from an event is linked to it once published (what "still in force? check" reads). */
async function linkProposingEvent(tx: Prisma.TransactionClient, draft: StoredDraft, recordId: string): Promise<string | null> {
  if (draft.recordType !== "Condition" || !draft.fromEvent) return null;
  await tx.conditionEvent.createMany({ data: [{ conditionId: recordId, eventId: draft.fromEvent.id }], skipDuplicates: true });
  return draft.fromEvent.id;
}

/** Who may withdraw a draft: its author; a proposal from an event has none, so any admin may. */
export function mayWithdraw(user: SessionUser, draft: Pick<StoredDraft, "authorId" | "fromEvent">): boolean {
  return draft.authorId === user.id || (draft.authorId === null && draft.fromEvent !== null && isAdmin(user));
}

/** Sends a pending draft back to its author with what to change. */
export async function returnDraft(input: { db: Db; reviewer: SessionUser; id: string; version: number; comment: string }): Promise<{ id: string }> {
  const { db, reviewer, id, version, comment } = input;
  const draft = await loadDraft(db, id);
  requireOtherReviewer(reviewer, draft);
  refuseMoved(draft, version, ["PENDING"]);
  await db.$transaction(async (tx) => {
    await settle(tx, { draft, version, reviewer, data: { status: "RETURNED", comment } });
    await audit(tx, reviewer.id, "RETURN", draft.id, { status: "PENDING" }, { status: "RETURNED", comment });
  });
  return { id };
}

/** The author (any admin, for a proposal from an event) gives a draft up; it leaves the queue and never changes a record. */
export async function withdrawDraft(input: { db: Db; author: SessionUser; id: string; version: number }): Promise<{ id: string }> {
  const { db, author, id, version } = input;
  const draft = await loadDraft(db, id);
  if (!mayWithdraw(author, draft)) throw new AppError("FORBIDDEN", said("draftAuthorWithdraws"));
  refuseMoved(draft, version, OPEN);
  await db.$transaction(async (tx) => {
    const { count } = await tx.draft.updateMany({ where: { id, version, status: { in: OPEN } }, data: { status: "WITHDRAWN", version: { increment: 1 } } });
    if (count === 0) throw new AppError("CONFLICT", said("draftChangedMeanwhile"));
    await releaseOrigins(tx, draft, author.id);
    await audit(tx, author.id, "WITHDRAW", id, { status: draft.status }, { status: "WITHDRAWN" });
  });
  return { id };
}

/**
 * The author sends a returned draft back to the queue as it is (an archive or restore has no
 * values to edit; any other draft may answer the comment without a change too). Audited as DRAFT.
 */
export async function resubmitDraft(input: { db: Db; author: SessionUser; id: string; version: number }): Promise<{ id: string; version: number }> {
  const { db, author, id, version } = input;
  const draft = await loadDraft(db, id);
  if (draft.authorId !== author.id) throw new AppError("FORBIDDEN", said("draftAuthorEdits"));
  refuseMoved(draft, version, ["RETURNED"]);
  return db.$transaction(async (tx) => {
    const { count } = await tx.draft.updateMany({ where: { id, version, status: "RETURNED" }, data: { status: "PENDING", version: { increment: 1 } } });
    if (count === 0) throw new AppError("CONFLICT", said("draftChangedMeanwhile"));
    await audit(tx, author.id, "DRAFT", id, { status: "RETURNED" }, { status: "PENDING", resubmitted: true });
    return { id, version: version + 1 };
  });
}

/** One draft as its page shows it: the values, the status, the reviewer's comment. */
export function draftById(input: { db: DbOrTx; id: string }): Promise<StoredDraft> {
  return loadDraft(input.db, input.id);
}

/** Moves a pending draft to a decision, in the caller's transaction; CONFLICT when someone got there first. */
async function settle(
  tx: Prisma.TransactionClient,
  input: { draft: StoredDraft; version: number; reviewer: SessionUser; data: { status: "PUBLISHED"; recordId: string } | { status: "RETURNED"; comment: string } },
): Promise<void> {
  const { draft, version, reviewer, data } = input;
  const { count } = await tx.draft.updateMany({
    // The author test again, in the statement: a draft's author cannot settle it whatever raced.
    where: { id: draft.id, version, status: "PENDING", OR: [{ authorId: null }, { authorId: { not: reviewer.id } }] },
    data: { ...data, reviewerId: reviewer.id, reviewedAt: new Date(), version: { increment: 1 } },
  });
  if (count === 0) throw new AppError("CONFLICT", said("draftDecidedMeanwhile"));
}

function audit(db: DbOrTx, actorId: string, action: "DRAFT" | "RETURN" | "PUBLISH" | "WITHDRAW", draftId: string, before: Prisma.InputJsonValue | null, after: Prisma.InputJsonValue) {
  return recordAudit({ db, actorId, action, entityType: "Draft", entityId: draftId, before, after });
}

// Archive and restore of a published record. With review off they happen at once, as always; with
// review required they become a draft reviewed like an edit: the record stays as it is (live, or
// archived) until another admin publishes the draft, against the version the admin archived.
import type { Db } from "../db-client";
import { AppError, staleVersion } from "../shared/errors";
import { said } from "../shared/said";
import { DRAFT_KINDS } from "./kinds";
import type { DraftRecordType } from "./schemas";
import { submitDrafts } from "./submit";

export interface ArchiveRequest {
  db: Db;
  actorId: string;
  reviewRequired: boolean;
  recordType: DraftRecordType;
  id: string;
  version: number;
  /** true: archive; false: restore. */
  archived: boolean;
  today?: number;
}

/** What archiveOrSubmit takes from a procedure's context: who, where, and the deployment's setting. */
export const archiving = (ctx: { db: Db; user: { id: string }; reviewRequired: boolean }) => ({ db: ctx.db, actorId: ctx.user.id, reviewRequired: ctx.reviewRequired });

/** The record's new version, or with review required the draft that proposes the change (`draftId`; the record unchanged). */
export async function archiveOrSubmit(input: ArchiveRequest): Promise<{ id: string; version: number; draftId?: string }> {
  const { db, actorId, recordType, id, version, archived, today } = input;
  const kind = DRAFT_KINDS[recordType];
  if (!input.reviewRequired) return kind.setArchived({ db, actorId, id, version, archived, today });
  const current = await kind.current(db, id);
  if (!current) throw new AppError("NOT_FOUND", said("noSuchRecord"));
  if (current.version !== version) throw staleVersion({ version: current.version, values: current.values, updatedAt: new Date() });
  if (current.archived === archived) throw new AppError("CONFLICT", archived ? said("alreadyArchived") : said("notArchived"));
  const title = "title" in current.values && typeof current.values.title === "string" ? current.values.title : id;
  const [draftId = ""] = await db.$transaction(async (tx) => {
    const open = await tx.draft.count({ where: { recordId: id, archive: { not: null }, status: { in: ["PENDING", "RETURNED"] } } });
    if (open) throw new AppError("CONFLICT", said("archiveDraftOpen"));
    return submitDrafts(tx, { authorId: actorId, source: null, drafts: [{ recordType, values: current.values, title, target: { id, version }, archive: archived }] });
  });
  return { id, version, draftId };
}

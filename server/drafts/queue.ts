// The drafts queue as the review screen lists it: open drafts filtered by kind, dyad and author in
// SQL; the size of each one's effect (the largest |change| of its preview, computed with the pure
// method) for the "least effect" filter and the "largest effect first" order; and the count of
// drafts awaiting a reviewer's decision for the admin menu, one COUNT.
import type { DbOrTx } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { draftPreview, sharedInputs, type DyadPreview } from "./preview";
import { largestChange } from "./preview-math";
import { KIND_RECORD_TYPES, SYSTEM_AUTHOR, type DraftQueueFilters } from "./queue-schemas";
import { draftSelect, type StoredDraft } from "./service";

/**
 * How many matching drafts the effect filter and order weigh: each needs its preview computed,
 * so a queue longer than this is judged on its first drafts in the chosen order of arrival.
 */
export const EFFECT_SCAN = 500;
/** A threshold typed as the change shows it (2.1) must keep a change computed as 2.0999999999999996. */
const ROUNDING = 1e-9;
/** Previews computed at once: each reads the database, and the pool serves every other request too. */
const PREVIEWS_AT_ONCE = 8;

export interface QueuedDraft {
  draft: StoredDraft;
  preview: DyadPreview[];
  effect: number;
}

function queueWhere(filters: DraftQueueFilters): Prisma.DraftWhereInput {
  return {
    status: { in: ["PENDING", "RETURNED"] },
    ...(filters.kind ? { recordType: KIND_RECORD_TYPES[filters.kind] } : {}),
    ...(filters.author ? { authorId: filters.author === SYSTEM_AUTHOR ? null : filters.author } : {}),
    ...(filters.source ? { source: filters.source } : {}),
    // Every draft's values carry the form's `dyad` (an agreement's is optional).
    ...(filters.dyad ? { values: { path: ["dyad"], equals: filters.dyad } } : {}),
  };
}

/** Drafts in review matching the filters, in the asked order, each with its preview and effect. */
export async function draftQueue(input: { db: DbOrTx; filters: DraftQueueFilters; today: number; limit: number }): Promise<QueuedDraft[]> {
  const { db, filters, today, limit } = input;
  const weighsEffect = filters.order === "effect" || filters.minEffect !== undefined;
  const newest = filters.order === "newest";
  const drafts = await db.draft.findMany({
    where: queueWhere(filters),
    select: draftSelect,
    orderBy: newest ? [{ createdAt: "desc" }, { id: "desc" }] : [{ createdAt: "asc" }, { id: "asc" }],
    take: weighsEffect ? EFFECT_SCAN : limit,
  });
  const inputsOf = sharedInputs(db);
  const queued: QueuedDraft[] = [];
  for (let i = 0; i < drafts.length; i += PREVIEWS_AT_ONCE) {
    const batch = drafts.slice(i, i + PREVIEWS_AT_ONCE);
    const previews = await Promise.all(batch.map((draft) => draftPreview({ db, draft, today, inputsOf })));
    batch.forEach((draft, j) => {
      const preview = previews[j] ?? [];
      queued.push({ draft, preview, effect: largestChange(preview) });
    });
  }
  const { minEffect } = filters;
  const kept = minEffect === undefined ? queued : queued.filter((q) => q.effect >= minEffect - ROUNDING);
  // A stable sort: equal effects keep the order of arrival.
  const ordered = filters.order === "effect" ? kept.toSorted((a, b) => b.effect - a.effect) : kept;
  return ordered.slice(0, limit);
}

/** Pending drafts the viewer may decide: everyone's but their own (authorless proposals included). */
export function awaitingReviewCount(input: { db: DbOrTx; viewerId: string }): Promise<number> {
  return input.db.draft.count({ where: { status: "PENDING", OR: [{ authorId: null }, { authorId: { not: input.viewerId } }] } });
}

/** The batches offered by the source filter: the newest ones, a list to pick from, not an archive. */
const SOURCES_LISTED = 100;

/**
 * Who wrote the drafts in review, for the author filter (drafts proposed from events are
 * "system"'s), and the batches they came in (an import's file, a headline, a GDELT cluster).
 */
export async function queueAuthors(input: { db: DbOrTx }): Promise<{ authors: { id: string; name: string }[]; system: boolean; sources: string[] }> {
  const open = { status: { in: ["PENDING" as const, "RETURNED" as const] } };
  const [authors, system, sources] = await Promise.all([
    input.db.user.findMany({ where: { draftsWritten: { some: open } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    input.db.draft.count({ where: { ...open, authorId: null }, take: 1 }),
    input.db.draft.groupBy({ by: ["source"], where: { ...open, source: { not: null } }, _max: { createdAt: true }, orderBy: { _max: { createdAt: "desc" } }, take: SOURCES_LISTED }),
  ]);
  return { authors, system: system > 0, sources: sources.flatMap((s) => (s.source ? [s.source] : [])) };
}

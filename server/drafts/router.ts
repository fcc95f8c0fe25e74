import { toDay } from "../method/day";
import { canReviewDraft, type SessionUser } from "../auth/permissions";
import { localeOfRequest, speakerFor } from "../i18n/spoken";
import { adminProcedure, router } from "../trpc";
import { decideDrafts, type BulkOutcome } from "./bulk";
import { draftPreview } from "./preview";
import { awaitingReviewCount, draftQueue, queueAuthors } from "./queue";
import { draftQueueInput, publishManyInput, returnManyInput } from "./queue-schemas";
import { draftIdInput, draftVersionInput, returnDraftInput, saveDraftInput } from "./schemas";
import { draftById, mayWithdraw, publishDraft, resubmitDraft, returnDraft, saveDraft, withdrawDraft, type StoredDraft } from "./service";

const today = () => toDay(new Date());
/** Drafts the review screen shows at once, each with its preview. */
const OPEN_DRAFTS_SHOWN = 50;

/** A draft as admins see it: never its author's email, and whether the viewer may decide or withdraw it. */
const shown = (draft: StoredDraft, viewer: SessionUser) => {
  const { author, authorId, ...rest } = draft;
  const by = author?.name ?? (draft.fromEvent ? "the system" : "a removed user");
  // Screens name the authorless in the reader's words; `author` stays the API's English.
  const authorKind: "user" | "system" | "removed" = author ? "user" : draft.fromEvent ? "system" : "removed";
  return { ...rest, author: by, authorKind, mine: authorId === viewer.id, mayDecide: canReviewDraft(viewer, draft), mayWithdraw: mayWithdraw(viewer, draft) };
};

/** A bulk decision's refusals are data, not an error: said in the language of the request, as the error formatter would. */
const inReadersWords = (outcome: BulkOutcome, headers: Headers): BulkOutcome => {
  const speak = speakerFor(localeOfRequest(headers));
  return { ...outcome, refused: outcome.refused.map((r) => ({ ...r, reason: speak(r.reason) })) };
};

/** Drafts of events, conditions and agreements: admins only, every procedure; four eyes on each decision. */
export const draftsRouter = router({
  /**
   * Drafts in review (pending or returned), filtered (kind, dyad, author, least effect), oldest
   * first unless asked newest or largest effect first, each with how it would move the index.
   */
  open: adminProcedure.input(draftQueueInput.optional()).query(async ({ ctx, input }) => {
    const queued = await draftQueue({ db: ctx.db, filters: input ?? draftQueueInput.parse({}), today: today(), limit: OPEN_DRAFTS_SHOWN });
    return queued.map(({ draft, preview, effect }) => ({ ...shown(draft, ctx.user), preview, effect }));
  }),

  /** Pending drafts the viewer may decide (not their own): the admin menu's count. */
  awaiting: adminProcedure.query(({ ctx }) => awaitingReviewCount({ db: ctx.db, viewerId: ctx.user.id })),

  /** Who wrote the drafts in review, for the queue's author filter. */
  authors: adminProcedure.query(({ ctx }) => queueAuthors({ db: ctx.db })),

  byId: adminProcedure.input(draftIdInput).query(async ({ ctx, input }) => {
    const draft = await draftById({ db: ctx.db, id: input.id });
    return { ...shown(draft, ctx.user), preview: await draftPreview({ db: ctx.db, draft, today: today() }) };
  }),

  save: adminProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft({ db: ctx.db, author: ctx.user, save: input, today: today() })),

  publish: adminProcedure.input(draftVersionInput).mutation(({ ctx, input }) => publishDraft({ db: ctx.db, reviewer: ctx.user, ...input, today: today() })),

  return: adminProcedure.input(returnDraftInput).mutation(({ ctx, input }) => returnDraft({ db: ctx.db, reviewer: ctx.user, ...input })),

  /** Publishes each draft in its own transaction, as `publish` does; refusals come back with their reasons. */
  publishMany: adminProcedure.input(publishManyInput).mutation(async ({ ctx, input }) => {
    const outcome = await decideDrafts({ db: ctx.db, reviewer: ctx.user, drafts: input.drafts, decision: { kind: "publish" }, today: today() });
    return inReadersWords(outcome, ctx.headers);
  }),

  /** Returns each draft with the one comment, in its own transaction, as `return` does. */
  returnMany: adminProcedure.input(returnManyInput).mutation(async ({ ctx, input }) => {
    const outcome = await decideDrafts({ db: ctx.db, reviewer: ctx.user, drafts: input.drafts, decision: { kind: "return", comment: input.comment }, today: today() });
    return inReadersWords(outcome, ctx.headers);
  }),

  /** A returned draft back to the queue unchanged, by its author (an archive draft's only "edit"). */
  resubmit: adminProcedure.input(draftVersionInput).mutation(({ ctx, input }) => resubmitDraft({ db: ctx.db, author: ctx.user, ...input })),

  withdraw: adminProcedure.input(draftVersionInput).mutation(({ ctx, input }) => withdrawDraft({ db: ctx.db, author: ctx.user, ...input })),
});

import { toDay } from "../method/day";
import { canReviewDraft, type SessionUser } from "../auth/permissions";
import { adminProcedure, router } from "../trpc";
import { draftPreview, sharedInputs } from "./preview";
import { draftIdInput, draftVersionInput, returnDraftInput, saveDraftInput } from "./schemas";
import { draftById, mayWithdraw, openDrafts, publishDraft, returnDraft, saveDraft, withdrawDraft, type StoredDraft } from "./service";

const today = () => toDay(new Date());
/** Drafts the review screen shows at once, each with its preview. */
const OPEN_DRAFTS_SHOWN = 50;

/** A draft as admins see it: never its author's email, and whether the viewer may decide or withdraw it. */
const shown = (draft: StoredDraft, viewer: SessionUser) => {
  const { author, authorId, ...rest } = draft;
  const by = author?.name ?? (draft.fromEvent ? "the system" : "a removed user");
  return { ...rest, author: by, mine: authorId === viewer.id, mayDecide: canReviewDraft(viewer, draft), mayWithdraw: mayWithdraw(viewer, draft) };
};

/** Drafts of events, conditions and agreements: admins only, every procedure; four eyes on each decision. */
export const draftsRouter = router({
  /** Drafts in review (pending or returned), oldest first, each with how it would move the index. */
  open: adminProcedure.query(async ({ ctx }) => {
    const drafts = await openDrafts({ db: ctx.db, limit: OPEN_DRAFTS_SHOWN });
    const [day, inputsOf] = [today(), sharedInputs(ctx.db)];
    return Promise.all(drafts.map(async (d) => ({ ...shown(d, ctx.user), preview: await draftPreview({ db: ctx.db, draft: d, today: day, inputsOf }) })));
  }),

  byId: adminProcedure.input(draftIdInput).query(async ({ ctx, input }) => {
    const draft = await draftById({ db: ctx.db, id: input.id });
    return { ...shown(draft, ctx.user), preview: await draftPreview({ db: ctx.db, draft, today: today() }) };
  }),

  save: adminProcedure.input(saveDraftInput).mutation(({ ctx, input }) => saveDraft({ db: ctx.db, author: ctx.user, save: input, today: today() })),

  publish: adminProcedure.input(draftVersionInput).mutation(({ ctx, input }) => publishDraft({ db: ctx.db, reviewer: ctx.user, ...input, today: today() })),

  return: adminProcedure.input(returnDraftInput).mutation(({ ctx, input }) => returnDraft({ db: ctx.db, reviewer: ctx.user, ...input })),

  withdraw: adminProcedure.input(draftVersionInput).mutation(({ ctx, input }) => withdrawDraft({ db: ctx.db, author: ctx.user, ...input })),
});

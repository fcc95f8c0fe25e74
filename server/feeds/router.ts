import { toDay } from "../method/day";
import { isoDayOf } from "../scope/day";
import { adminProcedure, router } from "../trpc";
import { countryKeywordsInput, eventFromHeadlineInput, feedIdInput, feedInput, headlineIdInput, headlinesInput, setFeedActiveInput } from "./schemas";
import {
  countryKeywords,
  createEventFromHeadline,
  deleteFeed,
  dismissHeadline,
  draftEventFromHeadline,
  eventDraftOf,
  listFeeds,
  listHeadlines,
  registerFeed,
  saveCountryKeywords,
  setFeedActive,
} from "./service";

/** News feeds and their headlines: admins only, like every other source of records. */
export const feedsRouter = router({
  list: adminProcedure.query(({ ctx }) => listFeeds({ db: ctx.db })),
  create: adminProcedure.input(feedInput).mutation(({ ctx, input }) => registerFeed({ db: ctx.db, actorId: ctx.user.id, input })),
  setActive: adminProcedure.input(setFeedActiveInput).mutation(({ ctx, input }) => setFeedActive({ db: ctx.db, actorId: ctx.user.id, ...input })),
  delete: adminProcedure.input(feedIdInput).mutation(({ ctx, input }) => deleteFeed({ db: ctx.db, actorId: ctx.user.id, id: input.id })),

  headlines: adminProcedure.input(headlinesInput).query(({ ctx, input }) => listHeadlines({ db: ctx.db, filter: input })),
  dismiss: adminProcedure.input(headlineIdInput).mutation(({ ctx, input }) => dismissHeadline({ db: ctx.db, actorId: ctx.user.id, id: input.id })),
  /** The new-event form's starting values for a headline. */
  eventDraft: adminProcedure.input(headlineIdInput).query(({ ctx, input }) => eventDraftOf({ db: ctx.db, id: input.id, today: isoDayOf(new Date()) })),
  /** "Make event": the event, or with review required a draft of it ({ id, draft: true }). */
  createEvent: adminProcedure.input(eventFromHeadlineInput).mutation(({ ctx, input }): Promise<{ id: string; version: number } | { id: string; draft: true }> => {
    const make = { db: ctx.db, actorId: ctx.user.id, headlineId: input.headlineId, data: input.data, today: toDay(new Date()) };
    return ctx.reviewRequired ? draftEventFromHeadline(make) : createEventFromHeadline(make);
  }),

  keywords: adminProcedure.query(({ ctx }) => countryKeywords({ db: ctx.db })),
  saveKeywords: adminProcedure.input(countryKeywordsInput).mutation(({ ctx, input }) => saveCountryKeywords({ db: ctx.db, actorId: ctx.user.id, input })),
});

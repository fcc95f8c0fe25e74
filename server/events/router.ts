import { adminProcedure, publishingProcedure, authedProcedure, router } from "../trpc";
import { toDay } from "../method/day";
import { archiveInput, createEventInput, eventByIdInput, eventsForMapInput, updateEventInput } from "./schemas";
import { eventById, eventFormOptions, eventsForMap } from "./service";
import { createEvent, eventForEditing, updateEvent } from "./write";
import { archiveOrSubmit, archiving } from "../drafts/archive";
import { canReadArchived } from "../auth/permissions";
import { AppError } from "../shared/errors";
import { said } from "../shared/said";

const today = () => toDay(new Date());

export const eventsRouter = router({
  byId: authedProcedure.input(eventByIdInput).query(async ({ ctx, input }) => {
    const event = await eventById({ db: ctx.db, id: input.id, withArchived: canReadArchived(ctx.user) });
    if (!event) throw new AppError("NOT_FOUND", said("noSuchEventShort"));
    return event;
  }),

  formOptions: adminProcedure.query(({ ctx }) => eventFormOptions({ db: ctx.db })),

  /** The editor's starting point: the event's fields and the version they are at. */
  forEdit: adminProcedure.input(eventByIdInput).query(async ({ ctx, input }) => {
    const event = await eventForEditing({ db: ctx.db, id: input.id });
    if (!event) throw new AppError("NOT_FOUND", said("noSuchEventShort"));
    return event;
  }),

  create: publishingProcedure
    .input(createEventInput)
    .mutation(({ ctx, input }) => createEvent({ db: ctx.db, actorId: ctx.user.id, data: input, today: today() })),

  update: publishingProcedure
    .input(updateEventInput)
    .mutation(({ ctx, input }) => updateEvent({ db: ctx.db, actorId: ctx.user.id, ...input, today: today() })),

  /** Archive (or restore): at once, or with review required as a draft ({ draftId }). */
  archive: adminProcedure.input(archiveInput).mutation(({ ctx, input }) => archiveOrSubmit({ ...archiving(ctx), recordType: "Event", ...input, archived: true, today: today() })),

  restore: adminProcedure.input(archiveInput).mutation(({ ctx, input }) => archiveOrSubmit({ ...archiving(ctx), recordType: "Event", ...input, archived: false, today: today() })),

  /** Events of a range as points on the map, newest first, capped (the response says when). */
  forMap: authedProcedure
    .input(eventsForMapInput)
    .query(({ ctx, input }) => eventsForMap({ db: ctx.db, keys: input.dyads, from: input.from, to: input.to, limit: input.limit })),
});

import { TRPCError } from "@trpc/server";
import { publicProcedure, router } from "../trpc";
import { eventByIdInput, eventsForMapInput } from "./schemas";
import { eventById, eventsForMap } from "./service";

export const eventsRouter = router({
  byId: publicProcedure.input(eventByIdInput).query(async ({ ctx, input }) => {
    const event = await eventById({ db: ctx.db, id: input.id });
    if (!event) throw new TRPCError({ code: "NOT_FOUND", message: "No such event" });
    return event;
  }),

  /** Events of a range as points on the map, newest first, capped (the response says when). */
  forMap: publicProcedure
    .input(eventsForMapInput)
    .query(({ ctx, input }) => eventsForMap({ db: ctx.db, keys: input.dyads, from: input.from, to: input.to, limit: input.limit })),
});

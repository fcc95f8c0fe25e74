import { TRPCError } from "@trpc/server";
import { authedProcedure, router } from "../trpc";
import { eventByIdInput } from "./schemas";
import { eventById } from "./service";

export const eventsRouter = router({
  byId: authedProcedure.input(eventByIdInput).query(async ({ ctx, input }) => {
    const event = await eventById({ db: ctx.db, id: input.id });
    if (!event) throw new TRPCError({ code: "NOT_FOUND", message: "No such event" });
    return event;
  }),
});

import { z } from "zod";
import { archiveInput } from "../events/schemas";
import { toDay } from "../method/day";
import { recordId } from "../shared/schemas";
import { adminProcedure, publishingProcedure, router } from "../trpc";
import { conditionInput, updateConditionInput } from "./schemas";
import { conditionForEditing, createCondition, updateCondition } from "./write";
import { archiveOrSubmit, archiving } from "../drafts/archive";
import { AppError } from "../shared/errors";
import { said } from "../shared/said";

const today = () => toDay(new Date());

export const conditionsRouter = router({
  forEdit: adminProcedure.input(z.object({ id: recordId })).query(async ({ ctx, input }) => {
    const condition = await conditionForEditing({ db: ctx.db, id: input.id });
    if (!condition) throw new AppError("NOT_FOUND", said("noSuchCondition"));
    return condition;
  }),
  create: publishingProcedure
    .input(conditionInput)
    .mutation(({ ctx, input }) => createCondition({ db: ctx.db, actorId: ctx.user.id, data: input, today: today() })),
  update: publishingProcedure
    .input(updateConditionInput)
    .mutation(({ ctx, input }) => updateCondition({ db: ctx.db, actorId: ctx.user.id, ...input, today: today() })),
  archive: adminProcedure.input(archiveInput).mutation(({ ctx, input }) => archiveOrSubmit({ ...archiving(ctx), recordType: "Condition", ...input, archived: true, today: today() })),
  restore: adminProcedure.input(archiveInput).mutation(({ ctx, input }) => archiveOrSubmit({ ...archiving(ctx), recordType: "Condition", ...input, archived: false, today: today() })),
});

import { TRPCError } from "@trpc/server";
import { authedProcedure, router } from "../trpc";
import { createFeedTokenInput, revokeFeedTokenInput } from "./schemas";
import { createFeedToken, listFeedTokens, revokeFeedToken } from "./service";

/** A user's own feed tokens: nobody, admins included, sees or revokes another's. */
export const feedTokensRouter = router({
  list: authedProcedure.query(({ ctx }) => listFeedTokens({ db: ctx.db, userId: ctx.user.id })),
  /** The only answer that carries the token itself: it is not stored, so it cannot be shown again. */
  create: authedProcedure
    .input(createFeedTokenInput)
    .mutation(({ ctx, input }) => createFeedToken({ db: ctx.db, userId: ctx.user.id, name: input.name })),
  revoke: authedProcedure.input(revokeFeedTokenInput).mutation(async ({ ctx, input }) => {
    const revoked = await revokeFeedToken({ db: ctx.db, userId: ctx.user.id, tokenId: input.tokenId });
    if (!revoked) throw new TRPCError({ code: "NOT_FOUND", message: "No such active token of yours." });
    return { revoked: true };
  }),
});

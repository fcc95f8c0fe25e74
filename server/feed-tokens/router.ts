import { adminProcedure, authedProcedure, router } from "../trpc";
import { createFeedTokenInput, revokeFeedTokenInput } from "./schemas";
import { createFeedToken, listAllFeedTokens, listFeedTokens, revokeAnyFeedToken, revokeFeedToken } from "./service";
import { AppError } from "../shared/errors";
import { said } from "../shared/said";

/** A user's own feed tokens; admins list everyone's and revoke any (audited, naming them). */
export const feedTokensRouter = router({
  list: authedProcedure.query(({ ctx }) => listFeedTokens({ db: ctx.db, userId: ctx.user.id })),
  /** The only answer that carries the token itself: it is not stored, so it cannot be shown again. */
  create: authedProcedure
    .input(createFeedTokenInput)
    .mutation(({ ctx, input }) => createFeedToken({ db: ctx.db, userId: ctx.user.id, name: input.name })),
  revoke: authedProcedure.input(revokeFeedTokenInput).mutation(async ({ ctx, input }) => {
    const revoked = await revokeFeedToken({ db: ctx.db, userId: ctx.user.id, tokenId: input.tokenId });
    if (!revoked) throw new AppError("NOT_FOUND", said("noSuchActiveToken"));
    return { revoked: true };
  }),
  listAll: adminProcedure.query(({ ctx }) => listAllFeedTokens({ db: ctx.db })),
  revokeAny: adminProcedure.input(revokeFeedTokenInput).mutation(async ({ ctx, input }) => {
    const revoked = await revokeAnyFeedToken({ db: ctx.db, actorId: ctx.user.id, tokenId: input.tokenId });
    if (!revoked) throw new AppError("NOT_FOUND", said("noSuchUnrevokedToken"));
    return { revoked: true };
  }),
});

import { authedProcedure, router } from "../trpc";
import { changePasswordInput } from "./schemas";
import { changeOwnPassword } from "./service";

/** Anyone signed in, about themselves. */
export const accountRouter = router({
  me: authedProcedure.query(({ ctx }) => ctx.user),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changeOwnPassword({ db: ctx.db, user: ctx.user, sessionId: ctx.sessionId, ...input })),
});

import { localeCookie } from "../i18n/cookie";
import { adminProcedure, authedProcedure, publicProcedure, router } from "../trpc";
import { changePasswordInput, createUserInput, localeInput, resetPasswordInput, setRoleInput, userIdInput } from "./schemas";
import { changeOwnPassword, createUser, setOwnLocale, deactivateUser, listUsers, reactivateUser, resetPassword, setRole } from "./service";

/** Anyone signed in, about themselves. */
export const accountRouter = router({
  me: authedProcedure.query(({ ctx }) => ctx.user),
  changePassword: authedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changeOwnPassword({ db: ctx.db, user: ctx.user, sessionId: ctx.sessionId, ...input })),
  /** Signed out too (the sign-in page has the menu): the cookie always, the account when there is one. */
  setLocale: publicProcedure.input(localeInput).mutation(async ({ ctx, input }) => {
    const chosen = await setOwnLocale({ db: ctx.db, user: ctx.user, locale: input.locale });
    ctx.resHeaders?.append("set-cookie", localeCookie(chosen.locale));
    return chosen;
  }),
});

/** Admins only: user management. */
export const usersRouter = router({
  list: adminProcedure.query(({ ctx }) => listUsers({ db: ctx.db })),
  create: adminProcedure.input(createUserInput).mutation(({ ctx, input }) => createUser({ db: ctx.db, actor: ctx.user, input })),
  setRole: adminProcedure.input(setRoleInput).mutation(({ ctx, input }) => setRole({ db: ctx.db, actor: ctx.user, ...input })),
  deactivate: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => deactivateUser({ db: ctx.db, actor: ctx.user, userId: input.userId })),
  reactivate: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => reactivateUser({ db: ctx.db, actor: ctx.user, userId: input.userId })),
  resetPassword: adminProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword({ db: ctx.db, actor: ctx.user, ...input })),
});

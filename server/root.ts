// The app's API: one router per domain, wired here and nowhere else.
import { agreementsRouter } from "./agreements/router";
import { relationsRouter } from "./relations/router";
import { createCallerFactory, router } from "./trpc";
import { accountRouter } from "./users/router";

export const appRouter = router({
  relations: relationsRouter,
  agreements: agreementsRouter,
  account: accountRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

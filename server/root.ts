// The app's API: one router per domain, wired here and nowhere else.
import { agreementsRouter } from "./agreements/router";
import { eventsRouter } from "./events/router";
import { geoRouter } from "./geo/router";
import { relationsRouter } from "./relations/router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  relations: relationsRouter,
  agreements: agreementsRouter,
  events: eventsRouter,
  geo: geoRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

// The app's API: one router per domain, wired here and nowhere else.
import { adminRouter } from "./admin/router";
import { alertsRouter } from "./alerts/router";
import { agreementsRouter } from "./agreements/router";
import { conditionsRouter } from "./conditions/router";
import { draftsRouter } from "./drafts/router";
import { eventsRouter } from "./events/router";
import { feedTokensRouter } from "./feed-tokens/router";
import { feedsRouter } from "./feeds/router";
import { geoRouter } from "./geo/router";
import { jobsRouter } from "./jobs/router";
import { notesRouter } from "./notes/router";
import { relationsRouter } from "./relations/router";
import { reviewRouter } from "./review/router";
import { teamsRouter } from "./teams/router";
import { createCallerFactory, router } from "./trpc";
import { accountRouter, usersRouter } from "./users/router";
import { viewsRouter } from "./views/router";

export const appRouter = router({
  relations: relationsRouter,
  agreements: agreementsRouter,
  events: eventsRouter,
  conditions: conditionsRouter,
  admin: adminRouter,
  feedTokens: feedTokensRouter,
  feeds: feedsRouter,
  views: viewsRouter,
  notes: notesRouter,
  teams: teamsRouter,
  account: accountRouter,
  users: usersRouter,
  geo: geoRouter,
  review: reviewRouter,
  drafts: draftsRouter,
  jobs: jobsRouter,
  alerts: alertsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

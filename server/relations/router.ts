import { dashboardFilter } from "../views/state";
import { authedProcedure, router } from "../trpc";
import { listTrackedDyads } from "./service";

export const relationsRouter = router({
  /** The dyads the product tracks, for the dashboard's cards and the filter bar. */
  dyads: authedProcedure
    .input(dashboardFilter.optional())
    .query(({ ctx, input }) => listTrackedDyads({ db: ctx.db, filter: input ?? dashboardFilter.parse({}) })),
});

import { publicProcedure, router } from "../trpc";
import { listTrackedDyads } from "./service";

export const relationsRouter = router({
  /** The dyads the product tracks, for the dashboard's cards and the filter bar. */
  dyads: publicProcedure.query(({ ctx }) => listTrackedDyads({ db: ctx.db })),
});

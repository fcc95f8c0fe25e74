import { filterOf } from "../views/state";
import { publicProcedure, router } from "../trpc";
import { latestAgreementsInput } from "./schemas";
import { latestAgreements } from "./service";

export const agreementsRouter = router({
  latest: publicProcedure
    .input(latestAgreementsInput)
    .query(({ ctx, input }) => latestAgreements({ db: ctx.db, limit: input.limit, filter: filterOf(input) })),
});

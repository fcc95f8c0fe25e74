import { filterOf } from "../views/state";
import { authedProcedure, router } from "../trpc";
import { latestAgreementsInput } from "./schemas";
import { latestAgreements } from "./service";

export const agreementsRouter = router({
  latest: authedProcedure
    .input(latestAgreementsInput)
    .query(({ ctx, input }) => latestAgreements({ db: ctx.db, limit: input.limit, filter: filterOf(input) })),
});

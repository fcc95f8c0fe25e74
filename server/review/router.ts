import { toDay } from "../method/day";
import { adminProcedure, router } from "../trpc";
import { autoAcceptRules, setAutoAcceptRule } from "./auto-accept";
import { acceptCluster, acceptEditedCluster, rejectCluster } from "./decide";
import { acceptEditedInput, autoAcceptRuleInput, clusterIdInput, rejectInput, reviewQueueInput } from "./schemas";
import { clusterDraft, reviewQueue } from "./service";

const today = () => toDay(new Date());

/** The review of GDELT candidate clusters: admins only, every procedure. */
export const reviewRouter = router({
  queue: adminProcedure.input(reviewQueueInput).query(({ ctx, input }) => {
    const { cursor, limit, ...filters } = input;
    return reviewQueue({ db: ctx.db, filters, cursor, limit });
  }),

  /** The event form's values for "edit then accept". */
  draft: adminProcedure.input(clusterIdInput).query(({ ctx, input }) => clusterDraft({ db: ctx.db, clusterId: input.clusterId })),

  accept: adminProcedure
    .input(clusterIdInput)
    .mutation(({ ctx, input }) => acceptCluster({ db: ctx.db, clusterId: input.clusterId, reviewerId: ctx.user.id, today: today() })),

  /** Accepts with the form's values; with review required, changed values become a draft instead ({ draftId }). */
  acceptEdited: adminProcedure
    .input(acceptEditedInput)
    .mutation(({ ctx, input }) =>
      acceptEditedCluster({ db: ctx.db, clusterId: input.clusterId, reviewerId: ctx.user.id, today: today(), data: input.data, reviewRequired: ctx.reviewRequired }),
    ),

  reject: adminProcedure
    .input(rejectInput)
    .mutation(({ ctx, input }) => rejectCluster({ db: ctx.db, clusterId: input.clusterId, reviewerId: ctx.user.id, today: today(), reason: input.reason })),

  rules: adminProcedure.query(({ ctx }) => autoAcceptRules({ db: ctx.db })),

  setRule: adminProcedure.input(autoAcceptRuleInput).mutation(({ ctx, input }) => setAutoAcceptRule({ db: ctx.db, actorId: ctx.user.id, rule: input })),
});

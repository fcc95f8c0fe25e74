import { env } from "../env";
import { adminProcedure, router } from "../trpc";
import { runNowInput } from "./schemas";
import { jobsOverview, requestRun } from "./service";

export const jobsRouter = router({
  list: adminProcedure.query(({ ctx }) => jobsOverview({ db: ctx.db, settings: env })),
  runNow: adminProcedure.input(runNowInput).mutation(({ ctx, input }) => requestRun({ db: ctx.db, actorId: ctx.user.id, job: input.job, settings: env })),
});

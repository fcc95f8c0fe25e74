import { adminProcedure, router } from "../trpc";
import { auditListInput } from "./schemas";
import { listAudit } from "./service";

export const adminRouter = router({
  audit: adminProcedure.input(auditListInput).query(({ ctx, input }) => listAudit({ db: ctx.db, filter: input })),
});

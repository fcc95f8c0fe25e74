import { adminProcedure, publishingProcedure, authedProcedure, router } from "../trpc";
import { agreementFormOptions } from "./form-options";
import { decodeCursor, StaleCursorError } from "./cursor";
import { agreementForEditing, createAgreement, updateAgreement } from "./write";
import { archiveOrSubmit, archiving } from "../drafts/archive";
import { agreementInput, agreementVersionInput, updateAgreementInput } from "./write-schemas";
import { agreementIdInput, agreementListInput } from "./schemas";
import { agreementDetail, agreementSectors, listAgreements } from "./service";
import { canReadArchived } from "../auth/permissions";
import { AppError } from "../shared/errors";
import { said } from "../shared/said";

export const agreementsRouter = router({
  /** What the form chooses from: dyads, countries for the parties, capitals as places. */
  formOptions: adminProcedure.query(({ ctx }) => agreementFormOptions({ db: ctx.db })),

  /** The editor's starting point, archived agreements included (byId shows those to admins only). */
  forEdit: adminProcedure.input(agreementIdInput).query(async ({ ctx, input }) => {
    const agreement = await agreementForEditing({ db: ctx.db, id: input.id });
    if (!agreement) throw new AppError("NOT_FOUND", said("noSuchAgreementId"));
    return agreement;
  }),
  create: publishingProcedure.input(agreementInput).mutation(({ ctx, input }) => createAgreement({ db: ctx.db, actorId: ctx.user.id, data: input })),
  update: publishingProcedure.input(updateAgreementInput).mutation(({ ctx, input }) => updateAgreement({ db: ctx.db, actorId: ctx.user.id, ...input })),
  archive: adminProcedure.input(agreementVersionInput).mutation(({ ctx, input }) => archiveOrSubmit({ ...archiving(ctx), recordType: "Agreement", ...input, archived: true })),
  restore: adminProcedure.input(agreementVersionInput).mutation(({ ctx, input }) => archiveOrSubmit({ ...archiving(ctx), recordType: "Agreement", ...input, archived: false })),

  /** One page of the feed, filtered; `nextCursor` asks for the page after it. */
  list: authedProcedure.input(agreementListInput).query(async ({ ctx, input }) => {
    const after = input.cursor ? decodeCursor(input.cursor) : null;
    if (input.cursor && !after) {
      throw new AppError("BAD_REQUEST", said("badFeedCursor"));
    }
    return listAgreements({ db: ctx.db, filters: input.filters, after, limit: input.limit }).catch((e: unknown) => {
      throw e instanceof StaleCursorError ? new AppError("BAD_REQUEST", e.message) : e;
    });
  }),

  byId: authedProcedure.input(agreementIdInput).query(async ({ ctx, input }) => {
    const agreement = await agreementDetail({ db: ctx.db, id: input.id, withArchived: canReadArchived(ctx.user) });
    if (!agreement) throw new AppError("NOT_FOUND", said("noSuchAgreementId"));
    return agreement;
  }),

  /** The sectors in use, for the filter bar. */
  sectors: authedProcedure.query(({ ctx }) => agreementSectors({ db: ctx.db })),
});

import { authedProcedure, router } from "../trpc";
import { createViewInput, duplicateViewInput, listViewsInput, renameViewInput, updateViewStateInput, viewIdInput } from "./schemas";
import { createView, deleteView, duplicateView, getView, listViews, renameView, updateViewState } from "./service";

export const viewsRouter = router({
  /** Mine and those shared with my teams, most recently changed first, a page at a time. */
  list: authedProcedure.input(listViewsInput).query(({ ctx, input }) => listViews({ db: ctx.db, user: ctx.user, ...input })),
  get: authedProcedure.input(viewIdInput).query(({ ctx, input }) => getView({ db: ctx.db, user: ctx.user, id: input.id })),
  create: authedProcedure.input(createViewInput).mutation(({ ctx, input }) => createView({ db: ctx.db, user: ctx.user, ...input })),
  rename: authedProcedure.input(renameViewInput).mutation(({ ctx, input }) => renameView({ db: ctx.db, user: ctx.user, ...input })),
  updateState: authedProcedure.input(updateViewStateInput).mutation(({ ctx, input }) => updateViewState({ db: ctx.db, user: ctx.user, ...input })),
  delete: authedProcedure.input(viewIdInput).mutation(({ ctx, input }) => deleteView({ db: ctx.db, user: ctx.user, id: input.id })),
  duplicate: authedProcedure.input(duplicateViewInput).mutation(({ ctx, input }) => duplicateView({ db: ctx.db, user: ctx.user, ...input })),
});

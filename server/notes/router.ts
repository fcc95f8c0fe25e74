import { authedProcedure, router } from "../trpc";
import { createNoteInput, noteIdInput, notesOnDyadInput, notesOnInput, updateNoteInput } from "./schemas";
import { createNote, deleteNote, getNote, notesOn, notesOnDyad, updateNote } from "./service";

export const notesRouter = router({
  /** Mine and my teams' notes about one event, agreement or dyad day. */
  on: authedProcedure.input(notesOnInput).query(({ ctx, input }) => notesOn({ db: ctx.db, user: ctx.user, on: input.on })),
  /** Mine and my teams' notes placed on a dyad between two days: the chart's markers. */
  onDyad: authedProcedure.input(notesOnDyadInput).query(({ ctx, input }) => notesOnDyad({ db: ctx.db, user: ctx.user, ...input })),
  get: authedProcedure.input(noteIdInput).query(({ ctx, input }) => getNote({ db: ctx.db, user: ctx.user, id: input.id })),
  create: authedProcedure.input(createNoteInput).mutation(({ ctx, input }) => createNote({ db: ctx.db, user: ctx.user, ...input })),
  update: authedProcedure.input(updateNoteInput).mutation(({ ctx, input }) => updateNote({ db: ctx.db, user: ctx.user, ...input })),
  delete: authedProcedure.input(noteIdInput).mutation(({ ctx, input }) => deleteNote({ db: ctx.db, user: ctx.user, id: input.id })),
});

// Inputs of the note procedures, shared with the note form (app/_components/notes/).
import { z } from "zod";
import { dyadKey, isoDay } from "../scope/schemas";
import { version } from "../shared/schemas";
import { recordId, shareWith } from "../views/schemas";
import { said } from "../shared/said";

export const NOTE_BODY_MAX = 2_000;

/** Stored exactly as written (no trimming, no markup: pages render it as text); blank is refused. */
export const noteBody = z
  .string()
  .max(NOTE_BODY_MAX, said("atMostCharsSentence", { max: NOTE_BODY_MAX }))
  .refine((body) => body.trim().length > 0, said("writeNote"));

/** What a note is about: a record, or one day of a dyad's index. */
export const noteTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("event"), id: recordId }),
  z.object({ kind: z.literal("agreement"), id: recordId }),
  z.object({ kind: z.literal("day"), dyad: dyadKey, day: isoDay }),
]);
export type NoteTarget = z.infer<typeof noteTarget>;

/** The form: the body and who reads it ("Only me" is null). */
export const noteForm = z.object({ body: noteBody, teamId: shareWith });

export const createNoteInput = noteForm.extend({ on: noteTarget });
export const updateNoteInput = noteForm.extend({ id: recordId, version });
export const noteIdInput = z.object({ id: recordId });

/** The notes about one record or day. */
export const notesOnInput = z.object({ on: noteTarget });

/** The notes placed on a dyad between two days, for its chart. */
export const notesOnDyadInput = z.object({ dyad: dyadKey, from: isoDay, to: isoDay });

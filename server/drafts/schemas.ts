// What the draft procedures take. A draft's values are validated by its record type's own form
// schema here (on save) and again by the service on publish, so a draft can never hold what the
// form would refuse.
import { z } from "zod";
import { said } from "../shared/said";
import { agreementInput } from "../agreements/write-schemas";
import { conditionInput } from "../conditions/schemas";
import { eventInput } from "../events/schemas";
import { recordId, version } from "../shared/schemas";

/** The published record an edit is based on: its id and the version the editor loaded. */
const target = z.object({ id: recordId, version });
/** The draft a save replaces (a resubmission), at the version its author loaded. */
const draftRef = z.object({ id: recordId, version });

const saveOf = <T extends "Event" | "Condition" | "Agreement", S extends z.ZodType>(type: T, data: S) =>
  z.object({ type: z.literal(type), data, target: target.optional(), draft: draftRef.optional() });

/** Save a draft: a new record (no target) or an edit of one; with `draft`, the author's next version of it. */
export const saveDraftInput = z.discriminatedUnion("type", [saveOf("Event", eventInput), saveOf("Condition", conditionInput), saveOf("Agreement", agreementInput)]);
export type SaveDraftInput = z.infer<typeof saveDraftInput>;

export const draftIdInput = z.object({ id: recordId });
/** Publish or withdraw: the draft at the version the reviewer (or author) saw. */
export const draftVersionInput = draftRef;

export const returnDraftInput = draftRef.extend({
  comment: z.string().trim().min(1, said("draftComment")).max(2000, said("atMostChars", { max: 2000 })),
});

/** The record types a draft can propose, as stored (DraftRecordType). */
export const DRAFT_RECORD_TYPES = ["Event", "Condition", "Agreement"] as const;
export type DraftRecordType = (typeof DRAFT_RECORD_TYPES)[number];

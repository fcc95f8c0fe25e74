import { z } from "zod";
import { GOLDSTEIN_MAX, GOLDSTEIN_MIN, isKnownCameoCode, overrideAppliesTo } from "../method/goldstein";
import { LEVELS, OVERRIDE_KEYS, VERIFICATIONS } from "../method/params";
import { checkDayRange, dayNumber, dyadKey, isoDay } from "../scope/schemas";
import { countryCode, datePrecision, placeInput, recordId, sourcesInput, summary, title, version } from "../shared/schemas";

export const eventByIdInput = z.object({ id: recordId });

/**
 * An event as an admin enters it; the form and the procedure share this schema, the server
 * checks again what needs the database (the dyad exists, the date is not in the future).
 */
export const eventInput = z
  .object({
    title,
    summary: summary.optional(),
    date: isoDay,
    datePrecision,
    dyad: dyadKey,
    actor: countryCode,
    target: countryCode,
    cameoCode: z.string().max(10, "pick a CAMEO event type from the list").trim().refine(isKnownCameoCode, "pick a CAMEO event type from the list"),
    overrideKey: z.enum(OVERRIDE_KEYS).optional(),
    scoreOverride: z
      .number({ error: "the score must be a number" })
      .min(GOLDSTEIN_MIN, `the score is between ${GOLDSTEIN_MIN} and ${GOLDSTEIN_MAX}`)
      .max(GOLDSTEIN_MAX, `the score is between ${GOLDSTEIN_MIN} and ${GOLDSTEIN_MAX}`)
      .optional(),
    overrideReason: z.string().trim().max(1000, "at most 1,000 characters").optional(),
    level: z.enum(LEVELS),
    verification: z.enum(VERIFICATIONS),
    place: placeInput.optional(),
    sources: sourcesInput,
    agreementIds: z
      .array(recordId)
      .max(20, "at most 20 linked agreements")
      .refine((ids) => new Set(ids).size === ids.length, "link each agreement once")
      .default([]),
  })
  .superRefine((e, ctx) => {
    const members = e.dyad.split("-");
    if (!members.includes(e.actor)) ctx.addIssue({ code: "custom", path: ["actor"], message: `the actor must be one of ${members.join(" or ")}` });
    if (!members.includes(e.target)) ctx.addIssue({ code: "custom", path: ["target"], message: `the target must be one of ${members.join(" or ")}` });
    if (e.actor === e.target) ctx.addIssue({ code: "custom", path: ["target"], message: "actor and target must differ" });
    if (e.scoreOverride !== undefined && (e.overrideReason ?? "").length < 10) {
      ctx.addIssue({ code: "custom", path: ["overrideReason"], message: "say why you override the score (at least 10 characters)" });
    }
    if (e.overrideKey && !overrideAppliesTo(e.overrideKey, e.cameoCode)) {
      ctx.addIssue({ code: "custom", path: ["overrideKey"], message: "this override does not apply to the chosen event type" });
    }
  });

export type EventInput = z.infer<typeof eventInput>;

export const createEventInput = eventInput;
export const updateEventInput = z.object({ id: recordId, version, data: eventInput });
export const archiveInput = z.object({ id: recordId, version });

/** The most events one map request returns: the clustered layer is benchmarked at this size. */
export const MAX_MAP_EVENTS = 10_000;

export const eventsForMapInput = z
  .object({
    /** Tracked dyads when omitted. */
    dyads: z.array(dyadKey).max(50).optional(),
    from: dayNumber,
    to: dayNumber,
    limit: z.number().int().min(1).max(MAX_MAP_EVENTS).default(MAX_MAP_EVENTS),
  })
  .superRefine(checkDayRange);

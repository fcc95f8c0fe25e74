import { z } from "zod";
import { said } from "../shared/said";
import { GOLDSTEIN_MAX, GOLDSTEIN_MIN, isKnownCameoCode, overrideAppliesTo } from "../method/goldstein";
import { LEVELS, OVERRIDE_KEYS, VERIFICATIONS } from "../method/params";
import { checkDayRange, dayNumber, dyadKey, isoDay } from "../scope/schemas";
import { countryCode, datePrecision, placeInput, recordId, sourcesInput, summary, title, version } from "../shared/schemas";

const SCORE_RANGE = said("scoreRange", { min: GOLDSTEIN_MIN, max: GOLDSTEIN_MAX });

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
    cameoCode: z.string().max(10, said("pickCameo")).trim().refine(isKnownCameoCode, said("pickCameo")),
    overrideKey: z.enum(OVERRIDE_KEYS).optional(),
    scoreOverride: z
      .number({ error: said("scoreNumber") })
      .min(GOLDSTEIN_MIN, SCORE_RANGE)
      .max(GOLDSTEIN_MAX, SCORE_RANGE)
      .optional(),
    overrideReason: z.string().trim().max(1000, said("atMostChars", { max: 1000 })).optional(),
    level: z.enum(LEVELS),
    verification: z.enum(VERIFICATIONS),
    place: placeInput.optional(),
    sources: sourcesInput,
    agreementIds: z
      .array(recordId)
      .max(20, said("atMostAgreements"))
      .refine((ids) => new Set(ids).size === ids.length, said("linkAgreementOnce"))
      .default([]),
  })
  .superRefine((e, ctx) => {
    const [first = "", second = ""] = e.dyad.split("-");
    const members = [first, second];
    if (!members.includes(e.actor)) ctx.addIssue({ code: "custom", path: ["actor"], message: said("actorInDyad", { first, second }) });
    if (!members.includes(e.target)) ctx.addIssue({ code: "custom", path: ["target"], message: said("targetInDyad", { first, second }) });
    if (e.actor === e.target) ctx.addIssue({ code: "custom", path: ["target"], message: said("actorTargetDiffer") });
    if (e.scoreOverride !== undefined && (e.overrideReason ?? "").length < 10) {
      ctx.addIssue({ code: "custom", path: ["overrideReason"], message: said("overrideReason") });
    }
    if (e.overrideKey && !overrideAppliesTo(e.overrideKey, e.cameoCode)) {
      ctx.addIssue({ code: "custom", path: ["overrideKey"], message: said("overrideNotApplicable") });
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

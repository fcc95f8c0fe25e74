import { z } from "zod";
import { said } from "../shared/said";
import { precisionInterval } from "../method/day";
import { CONDITION_KINDS, METHOD, VERIFICATIONS } from "../method/params";
import { dyadKey, isoDay } from "../scope/schemas";
import { countryCode, datePrecision, recordId, sourcesInput, summary, title, version } from "../shared/schemas";

/** A standing condition as an admin enters it: in force from `start` until `end` (open while unset). */
export const conditionInput = z
  .object({
    dyad: dyadKey,
    kind: z.enum(CONDITION_KINDS),
    holder: countryCode.optional(),
    /** Defaults to the method's points for the kind. */
    points: z.number().min(-50, said("pointsRange")).max(50, said("pointsRange")).optional(),
    title,
    summary: summary.optional(),
    startDate: isoDay,
    startPrecision: datePrecision,
    endDate: isoDay.optional(),
    endPrecision: datePrecision.optional(),
    verification: z.enum(VERIFICATIONS),
    sources: sourcesInput,
  })
  .superRefine((c, ctx) => {
    const [first = "", second = ""] = c.dyad.split("-");
    const members = [first, second];
    if (c.holder && !members.includes(c.holder)) {
      ctx.addIssue({ code: "custom", path: ["holder"], message: said("holderInDyad", { first, second }) });
    }
    if (c.endDate && !c.endPrecision) ctx.addIssue({ code: "custom", path: ["endPrecision"], message: said("endPrecision") });
    if (c.endDate && c.endPrecision && precisionInterval(c.endDate, c.endPrecision).last < precisionInterval(c.startDate, c.startPrecision).first) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: said("conditionEndsBeforeStart") });
    }
  })
  .transform((c) => ({ ...c, points: c.points ?? METHOD.conditionPoints[c.kind] }));

export type ConditionInput = z.infer<typeof conditionInput>;

export const updateConditionInput = z.object({ id: recordId, version, data: conditionInput });

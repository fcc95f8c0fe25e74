import { z } from "zod";
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
    points: z.number().min(-50, "between −50 and +50").max(50, "between −50 and +50").optional(),
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
    const members = c.dyad.split("-");
    if (c.holder && !members.includes(c.holder)) {
      ctx.addIssue({ code: "custom", path: ["holder"], message: `the holding side must be ${members.join(" or ")}` });
    }
    if (c.endDate && !c.endPrecision) ctx.addIssue({ code: "custom", path: ["endPrecision"], message: "say how precise the end date is" });
    if (c.endDate && c.endPrecision && precisionInterval(c.endDate, c.endPrecision).last < precisionInterval(c.startDate, c.startPrecision).first) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "a condition cannot end before it starts" });
    }
  })
  .transform((c) => ({ ...c, points: c.points ?? METHOD.conditionPoints[c.kind] }));

export type ConditionInput = z.infer<typeof conditionInput>;

export const updateConditionInput = z.object({ id: recordId, version, data: conditionInput });

import { z } from "zod";

/** "FRA-MAR" or "MAR-FRA" → the stored, alphabetical key "FRA-MAR". */
export const dyadKey = z
  .string()
  .max(16, "a dyad is two ISO alpha-3 codes joined by a dash, e.g. FRA-MAR")
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}-[A-Z]{3}$/, "a dyad is two ISO alpha-3 codes joined by a dash, e.g. FRA-MAR")
  .refine((key) => key.slice(0, 3) !== key.slice(4), "a dyad needs two different countries")
  .transform((key) => key.split("-").sort().join("-"));

export const isoDay = z.iso.date({ error: "use a date as YYYY-MM-DD" }).max(10, "use a date as YYYY-MM-DD");

export const summaryInput = z
  .object({
    dyads: z.array(dyadKey).max(50).optional(),
    asOf: isoDay.optional(),
  })
  .default({});

/** At most 20 years per request: daily points stay under 7,400 per dyad. */
export const MAX_SERIES_DAYS = 7_305;

/** The checks every from–to input shares: in order, and at most MAX_SERIES_DAYS long. */
export function checkDayRange(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (range.from > range.to) ctx.addIssue({ code: "custom", message: "from must not be after to", path: ["from"] });
  if ((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 > MAX_SERIES_DAYS) {
    ctx.addIssue({ code: "custom", message: "a range covers at most 20 years", path: ["from"] });
  }
}

export const seriesInput = z
  .object({
    dyads: z.array(dyadKey).min(1).max(8),
    from: isoDay,
    to: isoDay,
    granularity: z.enum(["daily", "weekly"]).default("daily"),
    /** Chart markers (the range's largest events); sparklines skip them. */
    markers: z.boolean().default(true),
  })
  .superRefine(checkDayRange);

export const driversInput = z.object({
  dyad: dyadKey,
  asOf: isoDay.optional(),
});

export const extentInput = z.object({ dyads: z.array(dyadKey).min(1).max(8) });

/** Events per dyad over a range, from the daily rollup: the map's arc weights. */
export const volumeInput = z
  .object({
    dyads: z.array(dyadKey).max(50).optional(),
    from: isoDay,
    to: isoDay,
  })
  .superRefine(checkDayRange);

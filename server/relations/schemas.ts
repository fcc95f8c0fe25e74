import { z } from "zod";

/** "FRA-MAR" or "MAR-FRA" → the stored, alphabetical key "FRA-MAR". */
export const dyadKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}-[A-Z]{3}$/, "a dyad is two ISO alpha-3 codes joined by a dash, e.g. FRA-MAR")
  .refine((key) => key.slice(0, 3) !== key.slice(4), "a dyad needs two different countries")
  .transform((key) => key.split("-").sort().join("-"));

const isoDay = z.iso.date({ error: "use a date as YYYY-MM-DD" });

export const summaryInput = z
  .object({
    dyads: z.array(dyadKey).max(50).optional(),
    asOf: isoDay.optional(),
  })
  .default({});

/** At most 20 years per request: daily points stay under 7,400 per dyad. */
export const MAX_SERIES_DAYS = 7_305;

export const seriesInput = z
  .object({
    dyads: z.array(dyadKey).min(1).max(8),
    from: isoDay,
    to: isoDay,
    granularity: z.enum(["daily", "weekly"]).default("daily"),
  })
  .refine((i) => i.from <= i.to, { message: "from must not be after to", path: ["from"] })
  .refine((i) => (Date.parse(i.to) - Date.parse(i.from)) / 86_400_000 <= MAX_SERIES_DAYS, {
    message: "a series covers at most 20 years",
    path: ["from"],
  });

export const driversInput = z.object({
  dyad: dyadKey,
  asOf: isoDay.optional(),
});

export const extentInput = z.object({ dyads: z.array(dyadKey).min(1).max(8) });

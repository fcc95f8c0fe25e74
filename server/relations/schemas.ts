import { z } from "zod";
import { checkDayRange, dayNumber, dyadKey } from "../scope/schemas";

// Days arrive as "YYYY-MM-DD" and reach the handlers as day numbers (scope's `dayNumber`).

export const summaryInput = z
  .object({
    dyads: z.array(dyadKey).max(50).optional(),
    asOf: dayNumber.optional(),
  })
  .default({});

export const seriesInput = z
  .object({
    dyads: z.array(dyadKey).min(1).max(8),
    from: dayNumber,
    to: dayNumber,
    granularity: z.enum(["daily", "weekly"]).default("daily"),
    /** Chart markers (the range's largest events); sparklines skip them. */
    markers: z.boolean().default(true),
  })
  .superRefine(checkDayRange);

export const driversInput = z.object({
  dyad: dyadKey,
  asOf: dayNumber.optional(),
});

export const extentInput = z.object({ dyads: z.array(dyadKey).min(1).max(8) });

/** Events per dyad over a range, from the daily rollup: the map's arc weights. */
export const volumeInput = z
  .object({
    dyads: z.array(dyadKey).max(50).optional(),
    from: dayNumber,
    to: dayNumber,
  })
  .superRefine(checkDayRange);

/** One dyad's index under a published method version (the chart's overlay of the previous one). */
export const seriesUnderInput = z
  .object({
    dyad: dyadKey,
    version: z.string().trim().min(1).max(16),
    from: dayNumber,
    to: dayNumber,
    granularity: z.enum(["daily", "weekly"]).default("daily"),
  })
  .superRefine(checkDayRange);

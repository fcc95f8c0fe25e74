import { z } from "zod";
import { checkDayRange, dyadKey, isoDay } from "../relations/schemas";

export const eventByIdInput = z.object({ id: z.string().trim().min(1).max(64) });

/** The most events one map request returns: the clustered layer is benchmarked at this size. */
export const MAX_MAP_EVENTS = 10_000;

export const eventsForMapInput = z
  .object({
    /** Tracked dyads when omitted. */
    dyads: z.array(dyadKey).max(50).optional(),
    from: isoDay,
    to: isoDay,
    limit: z.number().int().min(1).max(MAX_MAP_EVENTS).default(MAX_MAP_EVENTS),
  })
  .superRefine(checkDayRange);

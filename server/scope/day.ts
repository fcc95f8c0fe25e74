// Calendar days at the edge: the URL, forms and the API carry "YYYY-MM-DD"; the index and SQL
// helpers work in day numbers (server/method/day.ts). A procedure's input turns the one into the
// other once, with `dayNumber`; nothing past it converts back and forth.
import { z } from "zod";
import { said } from "../shared/said";
import { fromDay, toDay } from "../method/day";

const DAY_MESSAGE = said("realDate");

function isCalendarDay(value: string): boolean {
  try {
    toDay(value);
    return true;
  } catch {
    return false;
  }
}

/** "YYYY-MM-DD" that is a real calendar day (not 2025-02-30), spaces around it ignored. */
export const isoDay = z
  .string()
  .max(40, DAY_MESSAGE)
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: DAY_MESSAGE, abort: true })
  .refine(isCalendarDay, DAY_MESSAGE);

/** An ISO day in, its day number out: what a procedure's handler receives. */
export const dayNumber = isoDay.transform((day) => toDay(day));

/** The UTC calendar day of a Date ("2025-06-24"), as @db.Date columns and <time> elements want it. */
export const isoDayOf = (date: Date): string => fromDay(toDay(date));

/** At most 20 years per request: daily points stay under 7,400 per dyad. */
export const MAX_RANGE_DAYS = 7_305;

export const RANGE_ORDER_MESSAGE = said("rangeOrder");

/** The checks every from–to input of the API shares: in order, and at most MAX_RANGE_DAYS long. */
export function checkDayRange(range: { from: number; to: number }, ctx: z.RefinementCtx): void {
  if (range.from > range.to) ctx.addIssue({ code: "custom", message: RANGE_ORDER_MESSAGE, path: ["to"] });
  if (range.to - range.from > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", message: said("rangeTooLong"), path: ["from"] });
}

/**
 * An optional from–to pair of ISO days in order (the URL's and a saved view's range), reported on
 * the end date. Compared only once both parse: "yesterday" is a bad date, not a bad range.
 */
export const dayRangeInOrder = {
  check: (range: { from?: string | null; to?: string | null }) => !range.from || !range.to || range.from <= range.to,
  params: { path: ["to"], message: RANGE_ORDER_MESSAGE, when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 },
};

/** A day number as the Date a @db.Date column compares with (its UTC midnight). */
export const dateOfDay = (day: number): Date => new Date(`${fromDay(day)}T00:00:00.000Z`);

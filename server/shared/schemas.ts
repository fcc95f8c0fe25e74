// Field schemas shared by every write form, procedure and the CSV import: one rule, one message.
import { z } from "zod";
import { DATE_PRECISIONS } from "../method/params";
import { isoDay } from "../scope/day";

export const datePrecision = z.enum(DATE_PRECISIONS);

/** http(s) only: a `javascript:` or `data:` link must never reach a page. */
export const httpUrl = z
  .string()
  .trim()
  .max(2000, "at most 2,000 characters")
  .refine((value) => {
    try {
      return ["http:", "https:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, "a source link must be an http:// or https:// address");

export const sourceInput = z.object({
  publisher: z.string().trim().min(1, "name the publisher").max(200, "at most 200 characters"),
  title: z.string().trim().min(1, "give the source's title").max(300, "at most 300 characters"),
  url: httpUrl,
  publishedOn: isoDay.optional(),
});

export const sourcesInput = z.array(sourceInput).max(20, "at most 20 sources");

export const placeInput = z.object({
  name: z.string().trim().min(1, "name the place").max(120, "at most 120 characters"),
  lat: z.number().min(-90, "latitude is between −90 and 90").max(90, "latitude is between −90 and 90"),
  lon: z.number().min(-180, "longitude is between −180 and 180").max(180, "longitude is between −180 and 180"),
});

export const countryCode = z
  .string()
  .max(16, "an ISO 3166 alpha-3 code, e.g. MAR")
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "an ISO 3166 alpha-3 code, e.g. MAR");

export const title = z.string().trim().min(3, "at least 3 characters").max(200, "at most 200 characters");
export const summary = z.string().trim().max(4000, "at most 4,000 characters");

/** The version the editor started from: a stale one is refused instead of overwriting. */
export const version = z.number().int().min(1);

export const recordId = z.string().trim().min(1).max(64);

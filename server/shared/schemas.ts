// Field schemas shared by every write form, procedure and the CSV import: one rule, one message.
import { z } from "zod";
import { said } from "./said";
import { DATE_PRECISIONS } from "../method/params";
import { isoDay } from "../scope/day";

export const datePrecision = z.enum(DATE_PRECISIONS);

/** http(s) only: a `javascript:` or `data:` link must never reach a page. */
export const httpUrl = z
  .string()
  .trim()
  .max(2000, said("atMostChars", { max: 2000 }))
  .refine((value) => {
    try {
      return ["http:", "https:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, said("sourceLinkHttp"));

export const sourceInput = z.object({
  publisher: z.string().trim().min(1, said("namePublisher")).max(200, said("atMostChars", { max: 200 })),
  title: z.string().trim().min(1, said("giveSourceTitle")).max(300, said("atMostChars", { max: 300 })),
  url: httpUrl,
  publishedOn: isoDay.optional(),
});

export const sourcesInput = z.array(sourceInput).max(20, said("atMostSources"));

export const placeInput = z.object({
  name: z.string().trim().min(1, said("namePlace")).max(120, said("atMostChars", { max: 120 })),
  lat: z.number().min(-90, said("latitudeRange")).max(90, said("latitudeRange")),
  lon: z.number().min(-180, said("longitudeRange")).max(180, said("longitudeRange")),
});

export const countryCode = z
  .string()
  .max(16, said("countryCode"))
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, said("countryCode"));

export const title = z.string().trim().min(3, said("atLeastChars", { min: 3 })).max(200, said("atMostChars", { max: 200 }));
export const summary = z.string().trim().max(4000, said("atMostChars", { max: 4000 }));

/** The version the editor started from: a stale one is refused instead of overwriting. */
export const version = z.number().int().min(1);

export const recordId = z.string().trim().min(1).max(64);

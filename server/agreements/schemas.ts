// Zod schemas of the agreements domain, shared by the procedures, the URL (filter bar, saved
// views, exports) and the forms. Every string and list has a bound: these come from URLs.
import { z } from "zod";
import { AgreementKind, AgreementStatus } from "../generated/prisma/enums";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "../shared/storable-text";

/** A calendar day as the URL and date inputs carry it: "2025-06-24". */
const isoDay = z.iso.date({ error: "must be a date written YYYY-MM-DD" }).max(10, "must be a date written YYYY-MM-DD");

const unique = <T>(values: T[]) => [...new Set(values)];

/** Blank text means "no filter": a GET form sends `q=` for an empty search box. */
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} is limited to ${max} characters`)
    .refine(isStorableText, `${what} ${UNSTORABLE_TEXT_MESSAGE}`)
    .transform((v) => v || undefined)
    .optional();

export const AGREEMENT_FILTER_LIMITS = { search: 200, party: 100, sector: 60, sectors: 20, dyads: 10 } as const;

export const agreementFilters = z
  .object({
    /** Full text over title, parties, signatories and summary (websearch syntax: "quoted", -not, or). */
    q: optionalText(AGREEMENT_FILTER_LIMITS.search, "Search"),
    /** Tracked pairs by key ("FRA-MAR"); an agreement matches any of them. */
    dyads: z
      .array(z.string().max(7, "a dyad is two country codes, e.g. FRA-MAR").regex(/^[A-Z]{3}-[A-Z]{3}$/, "a dyad is two country codes, e.g. FRA-MAR"))
      .max(AGREEMENT_FILTER_LIMITS.dyads)
      .transform(unique)
      .optional(),
    /** A party's name or part of it ("AFD", "Alstom"), or the country code of a party ("MAR"). */
    party: optionalText(AGREEMENT_FILTER_LIMITS.party, "Party"),
    /** An agreement matches when it has any of these sectors. */
    sectors: z
      .array(z.string().trim().min(1).max(AGREEMENT_FILTER_LIMITS.sector).refine(isStorableText, `Sector ${UNSTORABLE_TEXT_MESSAGE}`))
      .max(AGREEMENT_FILTER_LIMITS.sectors)
      .transform(unique)
      .optional(),
    statuses: z.array(z.enum(AgreementStatus)).max(Object.keys(AgreementStatus).length).transform(unique).optional(),
    kinds: z.array(z.enum(AgreementKind)).max(Object.keys(AgreementKind).length).transform(unique).optional(),
    /** Date range, inclusive, on the day recorded (1 April 2025 for "April 2025"). */
    from: isoDay.optional(),
    to: isoDay.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "the end date is before the start date" });

export type AgreementFilters = z.output<typeof agreementFilters>;
export type AgreementFiltersInput = z.input<typeof agreementFilters>;

/** How many agreements a page of the feed holds. */
export const AGREEMENT_PAGE_SIZE = 20;

export const agreementListInput = z.object({
  filters: agreementFilters.default({}),
  /** Opaque, from the previous page's `nextCursor`. */
  cursor: z.string().max(300).nullish(),
  limit: z.number().int().min(1).max(50).default(AGREEMENT_PAGE_SIZE),
});

export const agreementIdInput = z.object({ id: z.string().min(1).max(64) });

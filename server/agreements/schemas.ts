// Zod schemas of the agreements domain, shared by the procedures, the URL (filter bar, saved
// views, exports) and the forms. The filters are the scope's fields (server/scope/schemas.ts).
import { z } from "zod";
import { dayRangeInOrder, dyadKeys, filterText, isoDay, kinds, SCOPE_LIMITS, searchText, sectors, statuses } from "../scope/schemas";

/** Blank text means "no filter": a GET form sends `q=` for an empty search box. */
const blankAsAbsent = (text: z.ZodType<string, string>) => text.transform((v) => v || undefined).optional();

export const AGREEMENT_FILTER_LIMITS = { ...SCOPE_LIMITS, dyads: 10 } as const;

export const agreementFilters = z
  .object({
    /** Full text over title, parties, signatories and summary (websearch syntax: "quoted", -not, or). */
    q: blankAsAbsent(searchText),
    /** Tracked pairs by key ("FRA-MAR"); an agreement matches any of them. */
    dyads: dyadKeys(AGREEMENT_FILTER_LIMITS.dyads).optional(),
    /** A party's name or part of it ("AFD", "Alstom"), or the country code of a party ("MAR"). */
    party: blankAsAbsent(filterText(AGREEMENT_FILTER_LIMITS.party, "party")),
    /** An agreement matches when it has any of these sectors. */
    sectors: sectors.optional(),
    statuses: statuses.optional(),
    kinds: kinds.optional(),
    /** Date range, inclusive, on the day recorded (1 April 2025 for "April 2025"). */
    from: isoDay.optional(),
    to: isoDay.optional(),
  })
  .refine(dayRangeInOrder.check, dayRangeInOrder.params);

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

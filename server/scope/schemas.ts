// The scope of a question: which dyads, which days, which agreements (statuses, sectors, kinds,
// words). One schema per concept, shared by the API's inputs, the URL, saved views and forms.
// Every string and list has a bound: these come from URLs.
import { z } from "zod";
import { AgreementKind, AgreementStatus } from "../generated/prisma/enums";
import { said } from "../shared/said";
import { isStorableText } from "../shared/storable-text";

export { checkDayRange, dateOfDay, dayNumber, dayRangeInOrder, isoDay, isoDayOf, MAX_RANGE_DAYS } from "./day";

const DYAD_MESSAGE = said("dyadFormat");

/** "FRA-MAR", "mar-fra" or "MAR-FRA" → the stored, alphabetical key "FRA-MAR", the one form a dyad has. */
export const dyadKey = z
  .string()
  .max(16, DYAD_MESSAGE)
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}-[A-Z]{3}$/, DYAD_MESSAGE)
  .refine((key) => key.slice(0, 3) !== key.slice(4), said("dyadTwoCountries"))
  .transform((key) => key.split("-").sort().join("-"));

const unique = <T>(values: T[]) => [...new Set(values)];

/** Up to `max` dyads, each in its canonical form, without repeats. */
export const dyadKeys = (max: number) => z.array(dyadKey).max(max, said("atMostDyads", { max })).transform(unique);

export const SCOPE_LIMITS = { search: 200, party: 100, sector: 60, sectors: 20 } as const;

export const sector = z
  .string()
  .trim()
  .min(1, said("nameSector"))
  .max(SCOPE_LIMITS.sector, said("sectorAtMost", { max: SCOPE_LIMITS.sector }))
  .refine(isStorableText, said("sectorUnstorable"));

export const sectors = z.array(sector).max(SCOPE_LIMITS.sectors, said("atMostSectorsOf", { max: SCOPE_LIMITS.sectors })).transform(unique);

export const AGREEMENT_STATUSES = Object.values(AgreementStatus);
export const AGREEMENT_KINDS = Object.values(AgreementKind);

export const statuses = z.array(z.enum(AgreementStatus)).max(AGREEMENT_STATUSES.length).transform(unique);
export const kinds = z.array(z.enum(AgreementKind)).max(AGREEMENT_KINDS.length).transform(unique);

/** Free text of a filter (the search, a party): trimmed, bounded, storable. */
export const filterText = (max: number, what: "search" | "party") =>
  z.string().trim().max(max, said("filterTextLimited", { what, max })).refine(isStorableText, said("filterTextUnstorable", { what }));

/** Full text over agreements (websearch syntax: "quoted", -not, or). */
export const searchText = filterText(SCOPE_LIMITS.search, "search");

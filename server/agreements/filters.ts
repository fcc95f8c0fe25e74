// Agreement filters as URL state: the /agreements page, the dashboard's feed and the exports
// read and write them through the one scope reader and writer (server/scope/url.ts).
import { parseScope, readScope, writeScope, type SearchParamsLike } from "../scope/url";
import { agreementKindLabel, humanize } from "./labels";
import { agreementFilters, type AgreementFilters } from "./schemas";

export type { SearchParamsLike };

type FilterKey = keyof AgreementFilters;

export type FilterParseResult =
  | { ok: true; filters: AgreementFilters }
  | { ok: false; problems: { param: string; message: string }[] };

/** Strict: for exports, where a script should hear that its query is wrong. */
export function parseAgreementFilters(params: SearchParamsLike): FilterParseResult {
  const parsed = parseScope(agreementFilters, params);
  return parsed.ok ? { ok: true, filters: parsed.value } : parsed;
}

/**
 * Lenient: for pages, where a stale bookmark must still open. A parameter the schema refuses
 * is dropped (the others still apply) and named in `ignored`, so the page can say so.
 */
export function readAgreementFilters(params: SearchParamsLike): { filters: AgreementFilters; ignored: string[] } {
  const { value, ignored } = readScope(agreementFilters, params);
  return { filters: value, ignored };
}

/** The canonical query string of a set of filters (stable order, no empty values). */
export function agreementFiltersToSearchParams(filters: AgreementFilters): URLSearchParams {
  return writeScope(filters);
}

/**
 * The filters as the feed's first address format spelled them (`q`, `party`, then `dyad=`,
 * `sector=`, `status=`, `kind=` repeated, then `from`, `to`). Frozen: an Atom feed's id is built
 * from it, and feed readers know a subscription by its id.
 */
export function legacyFeedQuery(filters: AgreementFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.party) params.set("party", filters.party);
  const lists = [["dyad", filters.dyads], ["sector", filters.sectors], ["status", filters.statuses], ["kind", filters.kinds]] as const;
  for (const [name, values] of lists) for (const value of values ?? []) params.append(name, value);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  return params;
}

export function hasAgreementFilters(filters: AgreementFilters): boolean {
  return (Object.keys(filters) as FilterKey[]).some((key) => {
    const value = filters[key];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  });
}

/** The filters in words, for a feed's title or a page's summary: "status Signed, from 2025-01-01". */
export function describeAgreementFilters(filters: AgreementFilters): string {
  const anyOf = (values: string[] | undefined, label: (v: string) => string = String) => values?.map(label).join(" or ");
  const parts = [
    filters.q && `matching “${filters.q}”`,
    filters.dyads?.length && `dyad ${anyOf(filters.dyads)}`,
    filters.party && `party “${filters.party}”`,
    filters.sectors?.length && `sector ${anyOf(filters.sectors)}`,
    filters.statuses?.length && `status ${anyOf(filters.statuses, humanize)}`,
    filters.kinds?.length && `kind ${anyOf(filters.kinds, agreementKindLabel)}`,
    filters.from && `from ${filters.from}`,
    filters.to && `to ${filters.to}`,
  ];
  return parts.filter((p): p is string => typeof p === "string").join(", ");
}

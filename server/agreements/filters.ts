// Agreement filters as URL state: the /agreements page, the dashboard, saved views and the
// exports all read the same query string through `agreementFilters`, and write it back here.
import { agreementKindLabel, humanize } from "./labels";
import { agreementFilters, type AgreementFilters } from "./schemas";

/** List filters travel as repeated parameters (`?sector=rail&sector=ports`), under a singular name. */
const LIST_PARAMS = { dyads: "dyad", sectors: "sector", statuses: "status", kinds: "kind" } as const;
const TEXT_PARAMS = ["q", "party", "from", "to"] as const;
type FilterKey = keyof AgreementFilters;

/** What Next.js hands a page as `searchParams`, or a request's URLSearchParams. */
export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(params: SearchParamsLike, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function paramName(key: PropertyKey): string {
  return typeof key === "string" && key in LIST_PARAMS ? LIST_PARAMS[key as keyof typeof LIST_PARAMS] : String(key);
}

function rawFilters(params: SearchParamsLike): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(LIST_PARAMS)) {
    const values = valuesOf(params, name).filter((v) => v.trim() !== "");
    if (values.length > 0) raw[key] = values;
  }
  for (const name of TEXT_PARAMS) {
    const values = valuesOf(params, name);
    // A repeated text parameter is ambiguous; the list form is kept so the schema refuses it.
    if (values.length > 1) raw[name] = values;
    else if (values[0]?.trim()) raw[name] = values[0];
  }
  return raw;
}

export type FilterParseResult =
  | { ok: true; filters: AgreementFilters }
  | { ok: false; problems: { param: string; message: string }[] };

/** Strict: for exports, where a script should hear that its query is wrong. */
export function parseAgreementFilters(params: SearchParamsLike): FilterParseResult {
  const result = agreementFilters.safeParse(rawFilters(params));
  if (result.success) return { ok: true, filters: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ param: paramName(issue.path[0] ?? "?"), message: issue.message })),
  };
}

/**
 * Lenient: for pages, where a stale bookmark must still open. A parameter the schema refuses
 * is dropped (the others still apply) and named in `ignored`, so the page can say so.
 */
export function readAgreementFilters(params: SearchParamsLike): { filters: AgreementFilters; ignored: string[] } {
  const raw = rawFilters(params);
  const ignored: string[] = [];
  // Checks across fields (from ≤ to) run only once each field passes, hence more than one round.
  for (;;) {
    const result = agreementFilters.safeParse(raw);
    if (result.success) return { filters: result.data, ignored };
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (!(key in raw)) return { filters: {}, ignored: [...ignored, paramName(key)] };
      delete raw[key];
      ignored.push(paramName(key));
    }
  }
}

/** The canonical query string of a set of filters (stable order, no empty values). */
export function agreementFiltersToSearchParams(filters: AgreementFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["q", "party"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, name] of Object.entries(LIST_PARAMS) as [keyof typeof LIST_PARAMS, string][]) {
    for (const value of filters[key] ?? []) params.append(name, value);
  }
  for (const key of ["from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
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

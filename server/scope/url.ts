// The one way a scope travels in an address, for every page and route that reads or writes one:
// the dashboard, the dyad page, the feed, the map, saved views and the exports.
//
//   ?dyads=DZA-FRA,FRA-MAR&from=2024-01-01&to=2025-06-30&sectors=energy&statuses=SIGNED&q=port
//
// Lists are comma-separated under a plural name. Older addresses stay readable: the feed's and
// the exports' repeated singular names (`dyad=a&dyad=b`, `status=…`), and repeated plural ones
// (what a GET form sends). A refusal names the parameter as the address spelled it.
//
// Reading is strict for the API (`parseScope`: refused, with a reason per parameter) and lenient
// for pages (`readScope`: what fails falls back to its default, and `ignored` lets the page say so).
import type { z } from "zod";
import { parseLeniently } from "./lenient";

/** What Next.js hands a page as `searchParams`, or a request's URLSearchParams. */
export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

type Spec =
  | { kind: "list"; key: string; name: string; legacy?: string; keepOrder?: true }
  | { kind: "text"; key: string; name: string }
  | { kind: "viewport"; key: string; names: readonly [string, string, string] };

/** Every parameter, in the order the writer emits them. */
const SPECS = [
  { kind: "list", key: "dyads", name: "dyads", legacy: "dyad" },
  { kind: "text", key: "from", name: "from" },
  { kind: "text", key: "to", name: "to" },
  { kind: "list", key: "sectors", name: "sectors", legacy: "sector" },
  { kind: "list", key: "statuses", name: "statuses", legacy: "status" },
  { kind: "list", key: "kinds", name: "kinds", legacy: "kind" },
  { kind: "text", key: "q", name: "q" },
  { kind: "text", key: "party", name: "party" },
  /** The dashboard map's centre and zoom. */
  { kind: "viewport", key: "map", names: ["mapLat", "mapLon", "mapZoom"] },
  /** The dashboard's panels, in the order they are drawn. */
  { kind: "list", key: "panels", name: "panels", keepOrder: true },
  /** The dyad page: other dyads on its chart, and how far back it looks. */
  { kind: "list", key: "compare", name: "compare" },
  { kind: "text", key: "range", name: "range" },
  /** The dyad page: a published method version whose line the chart overlays. */
  { kind: "text", key: "overlay", name: "overlay" },
] as const satisfies readonly Spec[];

type SpecOf<K extends Spec["kind"]> = Extract<(typeof SPECS)[number], { kind: K }>;

export interface Viewport {
  lat: number;
  lon: number;
  zoom: number;
}

/** A scope as the writer takes it: empty values are left out of the address. */
export type ScopeParams = { [K in SpecOf<"list">["key"]]?: readonly string[] | null } & { [K in SpecOf<"text">["key"]]?: string | null } & {
  map?: Viewport | null;
};

function valuesOf(params: SearchParamsLike, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The first value of a parameter (a page's lenient reading of a repeated one). */
export function paramValue(params: SearchParamsLike, name: string): string | undefined {
  return valuesOf(params, name)[0];
}

/**
 * The address without its blank parameters (`?from=&q=port` → `q=port`), or null when it has
 * none. A GET form sent by the browser itself (before the page's script runs, or without it)
 * names every field; proxy.ts redirects a page there, so that each search has one address.
 */
export function withoutBlankParams(params: URLSearchParams): URLSearchParams | null {
  const entries = [...params];
  const kept = entries.filter(([, value]) => value.trim() !== "");
  return kept.length === entries.length ? null : new URLSearchParams(kept);
}

const filled = (values: string[]) => values.map((v) => v.trim()).filter((v) => v !== "");

interface RawScope {
  raw: Record<string, unknown>;
  /** The parameters, as the address spelled them, behind each field. */
  paramsOf: (keys: readonly string[]) => string[];
}

/** The address's parameters as the schemas' raw input; blank values are absent, as a GET form sends them. */
export function rawScope(params: SearchParamsLike, { strict }: { strict: boolean }): RawScope {
  const raw: Record<string, unknown> = {};
  const names = new Map<string, string[]>();
  for (const spec of SPECS as readonly Spec[]) {
    if (spec.kind === "list") {
      const plural = filled(valuesOf(params, spec.name).flatMap((v) => v.split(",")));
      const legacy = spec.legacy ? filled(valuesOf(params, spec.legacy)) : [];
      if (plural.length + legacy.length === 0) continue;
      raw[spec.key] = [...plural, ...legacy];
      names.set(spec.key, [...(plural.length ? [spec.name] : []), ...(legacy.length && spec.legacy ? [spec.legacy] : [])]);
    } else if (spec.kind === "text") {
      const values = valuesOf(params, spec.name);
      // A repeated value is ambiguous: the API refuses it (the list reaches the schema), a page takes the first.
      if (strict && values.length > 1) raw[spec.key] = values;
      else if (values[0]?.trim()) raw[spec.key] = values[0];
      else continue;
      names.set(spec.key, [spec.name]);
    } else {
      const given = spec.names.map((name) => paramValue(params, name)?.trim() || undefined);
      if (given.every((v) => v === undefined)) continue;
      const [lat, lon, zoom] = given.map((v) => (v === undefined ? Number.NaN : Number(v)));
      raw[spec.key] = { lat, lon, zoom };
      names.set(spec.key, spec.names.filter((_, i) => given[i] !== undefined));
    }
  }
  return { raw, paramsOf: (keys) => keys.flatMap((key) => names.get(key) ?? [key]) };
}

export type ScopeParseResult<T> = { ok: true; value: T } | { ok: false; problems: { param: string; message: string }[] };

/**
 * Strict: for the API, exports and the filter bar, where the sender should hear what is wrong
 * with its query. `fixed` adds fields the address does not carry (a state's version).
 */
export function parseScope<T>(schema: z.ZodType<T>, params: SearchParamsLike, fixed: Record<string, unknown> = {}): ScopeParseResult<T> {
  const { raw, paramsOf } = rawScope(params, { strict: true });
  const result = schema.safeParse({ ...raw, ...fixed });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ param: paramsOf([String(issue.path[0] ?? "?")])[0] ?? "?", message: issue.message })),
  };
}

/**
 * Lenient: for pages, where a stale bookmark must still open. A parameter the schema refuses
 * falls back to its default (the others still apply) and is named in `ignored`, so the page can say so.
 */
export function readScope<T>(schema: z.ZodType<T>, params: SearchParamsLike): { value: T; ignored: string[] } {
  const { raw, paramsOf } = rawScope(params, { strict: false });
  const { data, dropped } = parseLeniently(schema, raw);
  return { value: data, ignored: paramsOf(dropped) };
}

/** Writes a scope's non-empty values, in a stable order, into `into` (by default a new query). */
export function writeScope(scope: ScopeParams, into = new URLSearchParams()): URLSearchParams {
  const values = scope as Record<string, unknown>;
  for (const spec of SPECS as readonly Spec[]) {
    const value = values[spec.key];
    if (spec.kind === "list") {
      const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
      if (list.length === 0) continue;
      const items = spec.keepOrder ? list : [...list].sort();
      // A comma inside a value (a sector "oil, gas") would split it: such a list goes repeated instead.
      if (spec.legacy && items.some((item) => item.includes(","))) for (const item of items) into.append(spec.legacy, item);
      else into.set(spec.name, items.join(","));
    } else if (spec.kind === "text") {
      if (typeof value === "string" && value !== "") into.set(spec.name, value);
    } else if (isViewport(value)) {
      spec.names.forEach((name, i) => into.set(name, String([value.lat, value.lon, value.zoom][i])));
    }
  }
  return into;
}

function isViewport(value: unknown): value is Viewport {
  return typeof value === "object" && value !== null && "lat" in value && "lon" in value && "zoom" in value;
}

/** The address with the patched fields replaced (or removed when empty) and every other parameter kept. */
export function patchScope(current: URLSearchParams, patch: ScopeParams): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const spec of SPECS as readonly Spec[]) {
    if (!(spec.key in patch)) continue;
    const names = spec.kind === "viewport" ? spec.names : spec.kind === "list" && spec.legacy ? [spec.name, spec.legacy] : [spec.name];
    for (const name of names) next.delete(name);
  }
  return writeScope(patch, next);
}

// The map's part of the dashboard URL: viewport (mapLat, mapLon, mapZoom) and the scope it
// follows (from, to, dyads), read and written by the one scope reader and writer.
// A malformed parameter is ignored, never an error: URLs are typed and shared by hand.
import { z } from "zod";
import { MAP_ZOOM } from "@/server/geo/frame";
import { fromDay, toDay } from "@/server/method/day";
import { dyadKey, isoDay, MAX_RANGE_DAYS } from "@/server/scope/schemas";
import { patchScope, readScope, type SearchParamsLike } from "@/server/scope/url";

/** With no range in the URL the map shows two years, as the indicator sparklines do. */
export const DEFAULT_RANGE_DAYS = 730;

/**
 * What the map takes from the address. Its range is put in order rather than refused, and a
 * malformed dyad is left out rather than dropping the others: the map always has something to draw.
 */
const mapScope = z.object({
  map: z.object({ lat: z.number().min(-85).max(85), lon: z.number().min(-180).max(180), zoom: z.number().min(MAP_ZOOM.min).max(MAP_ZOOM.max) }).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
  dyads: z
    .array(z.string().max(16))
    .max(50)
    .transform((keys) => keys.flatMap((raw) => dyadKey.safeParse(raw).data ?? []))
    .optional(),
});

export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

export interface MapUrlState {
  /** null: frame the region (the default view). */
  view: MapView | null;
  from: string;
  to: string;
  /** Empty: every tracked dyad. */
  dyads: string[];
}

const roundTo = (x: number, step: number) => Math.round(x / step) * step;

/** The state a URL asks for, with defaults filled in and the range put in order and capped. */
export function readMapUrlState(source: SearchParamsLike, today: string): MapUrlState {
  const p = readScope(mapScope, source).value;
  const view = p.map ? { ...p.map, zoom: roundTo(p.map.zoom, MAP_ZOOM.snap) } : null;
  let to = toDay(p.to ?? today);
  let from = p.from ? toDay(p.from) : to - (DEFAULT_RANGE_DAYS - 1);
  if (from > to) [from, to] = [to, from];
  from = Math.max(from, to - MAX_RANGE_DAYS);
  return { view, from: fromDay(from), to: fromDay(to), dyads: [...new Set(p.dyads ?? [])] };
}

/**
 * The URL query with the map's state changed and every other parameter (other filters) kept.
 * The view is written at 4 decimals (≈ 10 m), enough to reopen the same map.
 */
export function writeMapUrlState(current: URLSearchParams, patch: Partial<MapUrlState>): URLSearchParams {
  const { view, ...scope } = patch;
  const viewport = view && { lat: Number(view.lat.toFixed(4)), lon: Number(view.lon.toFixed(4)), zoom: roundTo(view.zoom, MAP_ZOOM.snap) };
  return patchScope(current, view === undefined ? scope : { ...scope, map: viewport });
}

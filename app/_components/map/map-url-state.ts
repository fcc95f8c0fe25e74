// The map's part of the dashboard URL: viewport (mapLat, mapLon, mapZoom) and the filters it
// follows (from, to, dyads). One module, so the shared filter-bar schema can take it over whole.
// A malformed parameter is ignored, never an error: URLs are typed and shared by hand.
import { z } from "zod";
import { MAP_ZOOM } from "@/server/geo/frame";
import { fromDay, toDay } from "@/server/method/day";
import { MAX_SERIES_DAYS, dyadKey, isoDay } from "@/server/relations/schemas";

/** With no range in the URL the map shows two years, as the indicator sparklines do. */
export const DEFAULT_RANGE_DAYS = 730;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The parameters as they may appear in a URL (all strings, all optional). */
export const mapUrlParams = z.object({
  mapLat: optional(z.coerce.number().min(-85).max(85)),
  mapLon: optional(z.coerce.number().min(-180).max(180)),
  mapZoom: optional(z.coerce.number().min(MAP_ZOOM.min).max(MAP_ZOOM.max)),
  from: optional(isoDay.refine(isCalendarDay)),
  to: optional(isoDay.refine(isCalendarDay)),
  /** Comma-separated dyad keys, either order of each pair: "FRA-MAR,DZA-FRA". */
  dyads: optional(z.string()),
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

function isCalendarDay(day: string): boolean {
  try {
    toDay(day);
    return true;
  } catch {
    return false;
  }
}

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function entries(source: ParamSource): Record<string, string> {
  const pairs = source instanceof URLSearchParams ? [...source.entries()] : Object.entries(source).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]);
  return Object.fromEntries(pairs.filter((pair): pair is [string, string] => typeof pair[1] === "string" && pair[1].trim() !== ""));
}

const roundTo = (x: number, step: number) => Math.round(x / step) * step;

/** The state a URL asks for, with defaults filled in and the range put in order and capped. */
export function readMapUrlState(source: ParamSource, today: string): MapUrlState {
  const p = mapUrlParams.parse(entries(source));
  const view =
    p.mapLat !== undefined && p.mapLon !== undefined && p.mapZoom !== undefined
      ? { lat: p.mapLat, lon: p.mapLon, zoom: roundTo(p.mapZoom, MAP_ZOOM.snap) }
      : null;
  let to = toDay(p.to ?? today);
  let from = p.from ? toDay(p.from) : to - (DEFAULT_RANGE_DAYS - 1);
  if (from > to) [from, to] = [to, from];
  from = Math.max(from, to - MAX_SERIES_DAYS);
  const dyads = [
    ...new Set(
      (p.dyads ?? "").split(",").flatMap((raw) => {
        const key = dyadKey.safeParse(raw);
        return key.success ? [key.data] : [];
      }),
    ),
  ];
  return { view, from: fromDay(from), to: fromDay(to), dyads };
}

/**
 * The URL query with the map's state changed and every other parameter (other filters) kept.
 * The view is written at 4 decimals (≈ 10 m), enough to reopen the same map.
 */
export function writeMapUrlState(current: URLSearchParams, patch: Partial<MapUrlState>): URLSearchParams {
  const next = new URLSearchParams(current);
  if (patch.view !== undefined) {
    for (const name of ["mapLat", "mapLon", "mapZoom"]) next.delete(name);
    if (patch.view) {
      next.set("mapLat", patch.view.lat.toFixed(4));
      next.set("mapLon", patch.view.lon.toFixed(4));
      next.set("mapZoom", String(roundTo(patch.view.zoom, MAP_ZOOM.snap)));
    }
  }
  if (patch.from !== undefined) next.set("from", patch.from);
  if (patch.to !== undefined) next.set("to", patch.to);
  if (patch.dyads !== undefined) {
    if (patch.dyads.length) next.set("dyads", patch.dyads.join(","));
    else next.delete("dyads");
  }
  return next;
}

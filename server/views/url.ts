// The view state in a URL's search params: short, readable, bookmarkable
// (?dyads=FRA-MAR,DZA-FRA&from=2024-01-01&to=2025-06-30&v=1). Defaults are left out.
import { defaultViewState, migrateViewState, PANELS, UnknownViewVersion, VIEW_STATE_VERSION, type ViewState } from "./state";

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** The search param that names the saved view a dashboard was opened from. */
export const VIEW_PARAM = "view";

function first(params: SearchParamsRecord, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

const list = (value: string | undefined) => (value ? value.split(",").map((s) => s.trim()).filter(Boolean) : undefined);

/** The map writes its viewport as mapLat, mapLon and mapZoom (app/_components/map/map-url-state.ts). */
function mapFrom(params: SearchParamsRecord) {
  const [lat, lon, zoom] = ["mapLat", "mapLon", "mapZoom"].map((name) => first(params, name));
  if (lat === undefined || lon === undefined || zoom === undefined) return undefined;
  return { lat: Number(lat), lon: Number(lon), zoom: Number(zoom) };
}

/** Reads what it can: a malformed param falls back to its default instead of failing the page. */
export function viewStateFromSearchParams(input: URLSearchParams | SearchParamsRecord): ViewState {
  const params: SearchParamsRecord = input instanceof URLSearchParams ? Object.fromEntries(input.entries()) : input;
  const raw = {
    dyads: list(first(params, "dyads")),
    from: first(params, "from"),
    to: first(params, "to"),
    sectors: list(first(params, "sectors")),
    statuses: list(first(params, "statuses")),
    q: first(params, "q"),
    map: mapFrom(params),
    panels: list(first(params, "panels")),
  };
  const version = Number(first(params, "v") ?? VIEW_STATE_VERSION);
  try {
    return migrateViewState(Number.isInteger(version) ? version : VIEW_STATE_VERSION, raw);
  } catch (e) {
    if (e instanceof UnknownViewVersion) return migrateViewState(VIEW_STATE_VERSION, raw);
    throw e;
  }
}

const sorted = (values: readonly string[]) => [...values].sort().join(",");

export function viewStateToSearchParams(state: ViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.dyads.length) params.set("dyads", sorted(state.dyads));
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.sectors.length) params.set("sectors", sorted(state.sectors));
  if (state.statuses.length) params.set("statuses", sorted(state.statuses));
  if (state.q) params.set("q", state.q);
  if (state.map) {
    params.set("mapLat", String(state.map.lat));
    params.set("mapLon", String(state.map.lon));
    params.set("mapZoom", String(state.map.zoom));
  }
  const panels = PANELS.filter((p) => state.panels.includes(p));
  if (panels.length !== defaultViewState.panels.length) params.set("panels", panels.join(","));
  if (params.size > 0) params.set("v", String(VIEW_STATE_VERSION));
  return params;
}

/** The dashboard's address for a state, optionally remembering the saved view it came from. */
export function dashboardHref(state: ViewState, viewId?: string): string {
  const params = viewStateToSearchParams(state);
  if (viewId) params.set(VIEW_PARAM, viewId);
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

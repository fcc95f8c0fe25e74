// The dashboard's state in its address, through the one scope reader and writer
// (server/scope/url.ts): ?dyads=FRA-MAR,DZA-FRA&from=2024-01-01&to=2025-06-30&v=1.
// Defaults are left out; `v` is the view state's version, written whenever anything else is.
import { paramValue, parseScope, rawScope, writeScope, type ScopeParseResult, type SearchParamsLike } from "../scope/url";
import { isKnownViewVersion, openViewState, PANELS, savedViewState, VIEW_STATE_VERSION, type ViewState } from "./state";

export type { SearchParamsLike };
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** The search param that names the saved view a dashboard was opened from. */
export const VIEW_PARAM = "view";

/** Reads what it can: a malformed param falls back to its default, and is named in `ignored`. */
export function readViewState(params: SearchParamsLike): { state: ViewState; ignored: string[] } {
  const { raw, paramsOf } = rawScope(params, { strict: false });
  const given = paramValue(params, "v");
  const version = Number(given ?? VIEW_STATE_VERSION);
  const known = Number.isInteger(version) && isKnownViewVersion(version);
  const { state, dropped } = openViewState(known ? version : VIEW_STATE_VERSION, raw);
  return { state, ignored: [...paramsOf(dropped), ...(known ? [] : ["v"])] };
}

/** Strict: the filter bar checks the query it is about to send, and says what is wrong. */
export function parseViewState(params: SearchParamsLike): ScopeParseResult<ViewState> {
  return parseScope(savedViewState, params, { v: VIEW_STATE_VERSION });
}

export function viewStateFromSearchParams(params: SearchParamsLike): ViewState {
  return readViewState(params).state;
}

export function viewStateToSearchParams(state: ViewState): URLSearchParams {
  const panels = PANELS.filter((p) => state.panels.includes(p));
  const params = writeScope({ ...state, panels: panels.length === PANELS.length ? null : panels });
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

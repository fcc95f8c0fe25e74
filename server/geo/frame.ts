// The map's fixed geography, with no dependencies so the browser bundle can import it.

/** [west, south, east, north] in degrees. */
export type BBox = readonly [number, number, number, number];

/** What the map frames on load: Mauritania to northern France, the Atlantic coast to Libya. */
export const MAP_FRAME: BBox = [-18.5, 14.5, 25.5, 51.2];

/** Where the map can pan (its max bounds) and what is drawn: the frame and a margin of neighbours. */
export const MAP_REGION: BBox = [-24, 8, 32, 55];

/**
 * The countries the product is about, by ISO 3166 numeric id (Natural Earth's feature id).
 * Natural Earth calls Western Sahara "W. Sahara"; we use the full name.
 */
export const FOCUS_COUNTRIES = [
  { numeric: "504", code: "MAR", name: "Morocco" },
  { numeric: "012", code: "DZA", name: "Algeria" },
  { numeric: "788", code: "TUN", name: "Tunisia" },
  { numeric: "434", code: "LBY", name: "Libya" },
  { numeric: "478", code: "MRT", name: "Mauritania" },
  { numeric: "732", code: "ESH", name: "Western Sahara" },
  { numeric: "250", code: "FRA", name: "France" },
  { numeric: "724", code: "ESP", name: "Spain" },
] as const;

/**
 * The Morocco–Western Sahara boundary: the parallel 27°40′ N, from the Atlantic to the tripoint
 * with Algeria.
 */
export const WESTERN_SAHARA_NORTH_LAT = 27 + 40 / 60;

/** Zoom bounds: 3 shows the whole region; past 10 the 1:50m borders look coarse. Quarter steps. */
export const MAP_ZOOM = { min: 3, max: 10, snap: 0.25 } as const;

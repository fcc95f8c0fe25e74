// Shapes the dashboard page hands to the map (from geo.countries and the environment).

export interface MapCountry {
  code: string;
  name: string;
  status: "SOVEREIGN_STATE" | "DISPUTED_TERRITORY";
  statusNote: string | null;
  capitalName: string | null;
  capitalLat: number | null;
  capitalLon: number | null;
}

/** Optional raster tiles under the borders (MAP_TILE_URL); null: the offline map only. */
export interface TileSettings {
  url: string;
  attribution: string;
}

// Country shapes for the map, cut from Natural Earth (world-atlas) on the server, so the browser
// gets a small GeoJSON of the region instead of the world's TopoJSON and a decoder.
//
// Natural Earth 4.1 (world-atlas 2) draws Morocco to its de facto line of control: its "Morocco"
// polygon runs down the Atlantic coast to 21° N and its "W. Sahara" (732) is only the strip east
// of the berm. Drawn as shipped, most of the disputed territory would read as Morocco. So both are
// merged along their shared edge and re-cut at 27°40′ N, the territory's northern boundary:
// Western Sahara is the whole territory, its own feature, and Morocco stops at its border.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Position } from "geojson";
import { feature, merge } from "topojson-client";
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from "topojson-specification";
import { FOCUS_COUNTRIES, MAP_REGION, WESTERN_SAHARA_NORTH_LAT, type BBox } from "./frame";

export interface BorderProperties {
  /** ISO alpha-3 for the countries the product tracks; null for the countries drawn as context. */
  code: string | null;
  name: string;
  focus: boolean;
}

export type BorderFeature = Feature<MultiPolygon, BorderProperties>;
export type Borders = FeatureCollection<MultiPolygon, BorderProperties>;

type CountryTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
type Rings = Position[][];

/** 3 decimals ≈ 110 m: finer than a pixel at the zooms the map allows, a third of the bytes. */
const round = (x: number) => Math.round(x * 1000) / 1000;

export function bboxOf(polygons: Rings[]): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygons) {
    for (const [x = 0, y = 0] of rings[0] ?? []) {
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    }
  }
  return [w, s, e, n];
}

const intersects = (a: BBox, b: BBox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/**
 * The part of a closed ring on one side of a line of constant longitude (axis 0) or latitude
 * (axis 1), by Sutherland–Hodgman. Where that side is in several pieces they stay joined by
 * zero-width edges along the line, which draw as the line itself.
 */
export function clipRing(ring: Position[], axis: 0 | 1, value: number, keep: "above" | "below"): Position[] {
  const inside = (p: Position) => (keep === "above" ? (p[axis] ?? 0) >= value : (p[axis] ?? 0) <= value);
  const out: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    if (!a || !b) continue;
    if (inside(a)) out.push(a);
    if (inside(a) !== inside(b)) {
      const [ax = 0, ay = 0] = a;
      const [bx = 0, by = 0] = b;
      const t = (value - (a[axis] ?? 0)) / ((b[axis] ?? 0) - (a[axis] ?? 0));
      out.push(axis === 0 ? [value, ay + t * (by - ay)] : [ax + t * (bx - ax), value]);
    }
  }
  const first = out[0];
  if (first) out.push(first);
  return out.length >= 4 ? out : [];
}

type Cut = { axis: 0 | 1; value: number; keep: "above" | "below" };

function clipPolygons(polygons: Rings[], cuts: Cut[]): Rings[] {
  return polygons.flatMap((rings) => {
    const [outer, ...holes] = rings.map((ring) => cuts.reduce((r, c) => clipRing(r, c.axis, c.value, c.keep), ring));
    return outer && outer.length ? [[outer, ...holes.filter((h) => h.length)]] : [];
  });
}

/** The four cuts that keep what lies inside a box. */
const insideBox = ([w, s, e, n]: BBox): Cut[] => [
  { axis: 0, value: w, keep: "above" },
  { axis: 0, value: e, keep: "below" },
  { axis: 1, value: s, keep: "above" },
  { axis: 1, value: n, keep: "below" },
];

/** Rounded, without the repeated points rounding makes, and without rings it collapses. */
function simplify(polygons: Rings[]): Rings[] {
  return polygons.flatMap((rings) => {
    const cleaned = rings
      .map((ring) => ring.map(([x = 0, y = 0]) => [round(x), round(y)]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]?.[0] || p[1] !== all[i - 1]?.[1]))
      .filter((ring) => ring.length >= 4);
    return cleaned[0] ? [cleaned] : [];
  });
}

function polygonsOf(converted: Feature<Geometry> | FeatureCollection): Rings[] {
  const geometry = "geometry" in converted ? converted.geometry : null;
  if (geometry?.type === "Polygon") return [geometry.coordinates];
  return geometry?.type === "MultiPolygon" ? geometry.coordinates : [];
}

const isArea = (g: GeometryCollection["geometries"][number]): g is TopoPolygon<{ name: string }> | TopoMultiPolygon<{ name: string }> =>
  g.type === "Polygon" || g.type === "MultiPolygon";

/** The countries of the region (Western Sahara whole and apart), with the tracked ones coded. */
export function borderFeatures(topology: CountryTopology, region: BBox = MAP_REGION): Borders {
  const geometries = topology.objects.countries.geometries.filter(isArea);
  const byId = new Map(geometries.map((g) => [String(g.id), g]));
  const morocco = byId.get("504");
  const westernSahara = byId.get("732");
  if (!morocco || !westernSahara) throw new Error("world-atlas no longer has Morocco (504) and W. Sahara (732)");
  const joined = merge(topology, [morocco, westernSahara]).coordinates;
  const recut = new Map<string, Rings[]>([
    ["504", clipPolygons(joined, [{ axis: 1, value: WESTERN_SAHARA_NORTH_LAT, keep: "above" }])],
    ["732", clipPolygons(joined, [{ axis: 1, value: WESTERN_SAHARA_NORTH_LAT, keep: "below" }])],
  ]);
  const focus = new Map<string, { code: string; name: string }>(FOCUS_COUNTRIES.map((c) => [c.numeric, c]));

  const features: BorderFeature[] = [];
  for (const g of geometries) {
    const id = String(g.id ?? "");
    const polygons = recut.get(id) ?? polygonsOf(feature(topology, g));
    // Cut to the region the map can pan over: France's overseas departments go, and of Russia
    // only what a user could see.
    const kept = simplify(clipPolygons(polygons.filter((rings) => intersects(bboxOf([rings]), region)), insideBox(region)));
    if (kept.length === 0) continue;
    const tracked = focus.get(id);
    features.push({
      type: "Feature",
      id,
      properties: { code: tracked?.code ?? null, name: tracked?.name ?? g.properties?.name ?? id, focus: tracked !== undefined },
      geometry: { type: "MultiPolygon", coordinates: kept },
    });
  }
  // Context first: drawn underneath, so the tracked countries' outlines stay on top.
  features.sort((a, b) => Number(a.properties.focus) - Number(b.properties.focus));
  return { type: "FeatureCollection", features };
}

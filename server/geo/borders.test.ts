import { readFileSync } from "node:fs";
import path from "node:path";
import type { Position } from "geojson";
import { describe, expect, it } from "vitest";
import { bboxOf, borderFeatures, clipRing, type BorderFeature } from "./borders";
import { FOCUS_COUNTRIES, MAP_FRAME, MAP_REGION, WESTERN_SAHARA_NORTH_LAT } from "./frame";

const topology = JSON.parse(readFileSync(path.resolve("node_modules/world-atlas/countries-50m.json"), "utf8"));
const borders = borderFeatures(topology);
const byCode = (code: string): BorderFeature => {
  const found = borders.features.find((f) => f.properties.code === code);
  if (!found) throw new Error(`no feature ${code}`);
  return found;
};

function inRing([x, y]: [number, number], ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
/** lon, lat */
const contains = (f: BorderFeature, point: [number, number]) =>
  f.geometry.coordinates.some(([outer = [], ...holes]) => inRing(point, outer) && !holes.some((h) => inRing(point, h)));

/** Area in the sinusoidal (equal-area) projection, in square degrees: enough to compare neighbours. */
function area(f: BorderFeature): number {
  const project = ([lon = 0, lat = 0]: Position) => [lon * Math.cos((lat * Math.PI) / 180), lat] as const;
  return f.geometry.coordinates.reduce((sum, [outer = []]) => {
    let twice = 0;
    for (let i = 0; i + 1 < outer.length; i++) {
      const [x1, y1] = project(outer[i] ?? []);
      const [x2, y2] = project(outer[i + 1] ?? []);
      twice += x1 * y2 - x2 * y1;
    }
    return sum + Math.abs(twice) / 2;
  }, 0);
}

const points = (f: BorderFeature) => f.geometry.coordinates.flat(2);

describe("borderFeatures", () => {
  it("draws the eight countries of the product, each once, with their codes", () => {
    const codes = borders.features.flatMap((f) => (f.properties.focus ? [f.properties.code] : []));
    expect(codes.sort()).toEqual(FOCUS_COUNTRIES.map((c) => c.code).sort());
    expect(byCode("ESH").properties.name).toBe("Western Sahara");
    expect(byCode("ESH").id).toBe("732");
  });

  it("draws Western Sahara whole and apart: the territory south of 27°40′ N is not Morocco", () => {
    const [mar, esh] = [byCode("MAR"), byCode("ESH")];
    const laayoune: [number, number] = [-13.2033, 27.1536];
    const dakhla: [number, number] = [-15.9375, 23.7136];
    const bir_lahlou: [number, number] = [-9.5667, 26.35]; // east of the berm, Natural Earth's own "W. Sahara"
    for (const place of [laayoune, dakhla, bir_lahlou]) {
      expect(contains(esh, place)).toBe(true);
      expect(contains(mar, place)).toBe(false);
    }
    for (const place of [[-6.8416, 34.0209], [-11.1, 28.44]] as [number, number][]) {
      // Rabat; Tan-Tan, in the south of Morocco
      expect(contains(mar, place)).toBe(true);
      expect(contains(esh, place)).toBe(false);
    }
    expect(Math.max(...points(esh).map((p) => p[1] ?? 0))).toBeLessThanOrEqual(WESTERN_SAHARA_NORTH_LAT + 0.001);
    expect(Math.min(...points(mar).map((p) => p[1] ?? 0))).toBeGreaterThanOrEqual(WESTERN_SAHARA_NORTH_LAT - 0.001);
    // 266,000 km² against Morocco's 446,550 km² (without the territory): about 0.6.
    expect(area(esh) / area(mar)).toBeGreaterThan(0.5);
    expect(area(esh) / area(mar)).toBeLessThan(0.7);
  });

  it("keeps only the region: metropolitan France, not its overseas departments; Russia cut at the edge", () => {
    const [west, south] = bboxOf(byCode("FRA").geometry.coordinates);
    expect(west).toBeGreaterThan(-6);
    expect(south).toBeGreaterThan(41);
    expect(borders.features.some((f) => f.properties.name === "Italy")).toBe(true);
    expect(borders.features.some((f) => f.properties.name === "Brazil")).toBe(false);
    const [w, s, e, n] = bboxOf(borders.features.flatMap((f) => f.geometry.coordinates));
    const [rw, rs, re, rn] = MAP_REGION;
    expect([w >= rw, s >= rs, e <= re, n <= rn]).toEqual([true, true, true, true]);
    expect([s, e, n]).toEqual([rs, re, rn]); // land reaches the region's edges but the Atlantic one
  });

  it("fits the tracked countries in the frame the map opens on", () => {
    const focus = borders.features.filter((f) => f.properties.focus);
    const [w, s, e, n] = bboxOf(focus.flatMap((f) => f.geometry.coordinates));
    const [fw, fs, fe, fn] = MAP_FRAME;
    // Spain's Canary Islands lie west of Western Sahara and set the western edge.
    expect(w).toBeGreaterThanOrEqual(fw);
    expect(s).toBeGreaterThanOrEqual(fs);
    expect(e).toBeLessThanOrEqual(fe);
    expect(n).toBeLessThanOrEqual(fn);
  });

  it("stays small: rounded coordinates, tracked countries drawn last", () => {
    expect(points(byCode("DZA")).every(([x = 0, y = 0]) => Number(x.toFixed(3)) === x && Number(y.toFixed(3)) === y)).toBe(true);
    expect(borders.features.at(-1)?.properties.focus).toBe(true);
    expect(JSON.stringify(borders).length).toBeLessThan(600_000);
  });
});

describe("clipRing", () => {
  const square = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];

  it("cuts a ring at a parallel or a meridian, adding the crossing points", () => {
    expect(clipRing(square, 1, 1, "above")).toEqual([[2, 1], [2, 2], [0, 2], [0, 1], [2, 1]]);
    expect(clipRing(square, 1, 1, "below")).toEqual([[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]);
    expect(clipRing(square, 0, 1, "below")).toEqual([[0, 0], [1, 0], [1, 2], [0, 2], [0, 0]]);
  });

  it("returns nothing when the ring is wholly on the other side", () => {
    expect(clipRing(square, 1, 3, "above")).toEqual([]);
    expect(clipRing(square, 1, 3, "below")).toEqual(square);
  });
});

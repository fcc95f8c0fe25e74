// Arcs from Paris to the capitals of France's partners: coloured like the partner's shading,
// as thick as the dyad's event volume over the dashboard's date range.
import type { ShadedCountry } from "./choropleth";

/** [lat, lon], as Leaflet takes them. */
export type LatLon = readonly [number, number];

export const ARC_WEIGHT = { min: 1.5, max: 9 } as const;

/**
 * Line width in pixels for a dyad with `count` events when the busiest has `max`. Square root:
 * four times the events reads as twice the width, as a line's visual weight grows faster than its
 * width. A dyad with no event in range keeps a hairline, so the arc does not vanish.
 */
export function arcWeight(count: number, max: number): number {
  if (count <= 0 || max <= 0) return ARC_WEIGHT.min;
  const share = Math.sqrt(Math.min(count, max) / max);
  return Math.round((ARC_WEIGHT.min + share * (ARC_WEIGHT.max - ARC_WEIGHT.min)) * 10) / 10;
}

/**
 * A gentle curve from `from` to `to` (quadratic Bézier in degrees, bowed to the right of travel
 * by `bend` × the distance), so arcs that leave Paris together fan out instead of overlapping.
 */
export function arcPath(from: LatLon, to: LatLon, bend = 0.15, segments = 24): [number, number][] {
  const [lat1, lon1] = from;
  const [lat2, lon2] = to;
  const control: LatLon = [(lat1 + lat2) / 2 - (lon2 - lon1) * bend, (lon1 + lon2) / 2 + (lat2 - lat1) * bend];
  const points: [number, number][] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const [u, v, w] = [(1 - t) ** 2, 2 * (1 - t) * t, t ** 2];
    points.push([u * lat1 + v * control[0] + w * lat2, u * lon1 + v * control[1] + w * lon2]);
  }
  return points;
}

export interface Arc {
  key: string;
  partner: ShadedCountry;
  points: [number, number][];
  capitalName: string;
  eventCount: number;
  weight: number;
  colour: string;
}

export interface CapitalOf {
  code: string;
  capitalName: string | null;
  capitalLat: number | null;
  capitalLon: number | null;
}

/** One arc per shaded partner with a known capital, skipping dyads outside the selection. */
export function arcsFromParis(input: {
  shaded: readonly ShadedCountry[];
  countries: readonly CapitalOf[];
  volumes: readonly { key: string; eventCount: number }[];
  /** Dyad keys to draw; empty: all. */
  selected: readonly string[];
}): Arc[] {
  const capital = (code: string) => {
    const c = input.countries.find((x) => x.code === code);
    return c && c.capitalLat !== null && c.capitalLon !== null ? { name: c.capitalName ?? code, at: [c.capitalLat, c.capitalLon] as const } : null;
  };
  const paris = capital("FRA");
  if (!paris) return [];
  const countOf = new Map(input.volumes.map((v) => [v.key, v.eventCount]));
  const drawn = input.shaded.filter((s) => input.selected.length === 0 || input.selected.includes(s.key));
  const max = Math.max(0, ...drawn.map((s) => countOf.get(s.key) ?? 0));
  return drawn.flatMap((partner) => {
    const end = capital(partner.code);
    if (!end) return [];
    const eventCount = countOf.get(partner.key) ?? 0;
    return [
      {
        key: partner.key,
        partner,
        points: arcPath(paris.at, end.at),
        capitalName: end.name,
        eventCount,
        weight: arcWeight(eventCount, max),
        colour: partner.colour,
      },
    ];
  });
}

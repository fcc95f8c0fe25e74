// Groups event points by screen distance (supercluster's KD-tree), so the map draws a few hundred
// markers for any number of events and regroups on zoom in a few milliseconds.
import Supercluster from "supercluster";
import { MAP_ZOOM, type BBox } from "@/server/geo/frame";
import type { MapEvent } from "@/server/events/map-wire";

export type { MapEvent } from "@/server/events/map-wire";

interface PointProps {
  i: number;
}
interface ClusterProps {
  scoreSum: number;
}

export type ClusterIndex = Supercluster<PointProps, ClusterProps>;

export type MapItem =
  | { kind: "cluster"; id: number; lat: number; lon: number; count: number; meanScore: number }
  | { kind: "event"; event: MapEvent; lat: number; lon: number };

/** Pixels within which markers merge: a marker is ~28 px, so groups never overlap much. */
export const CLUSTER_RADIUS = 48;

/**
 * An index over the events. Points at the same place (all events placed at one capital) stay
 * one cluster even at the highest zoom; the map lists them instead of expanding.
 */
export function buildClusterIndex(events: readonly MapEvent[]): ClusterIndex {
  const index = new Supercluster<PointProps, ClusterProps>({
    radius: CLUSTER_RADIUS,
    maxZoom: MAP_ZOOM.max,
    map: (p) => ({ scoreSum: events[p.i]?.score ?? 0 }),
    reduce: (acc, p) => {
      acc.scoreSum += p.scoreSum;
    },
  });
  return index.load(events.map((e, i) => ({ type: "Feature", geometry: { type: "Point", coordinates: [e.lon, e.lat] }, properties: { i } })));
}

/** What to draw for a box of the map at a zoom. */
export function itemsInView(index: ClusterIndex, events: readonly MapEvent[], bbox: BBox, zoom: number): MapItem[] {
  return index.getClusters([...bbox], zoom).flatMap((f): MapItem[] => {
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    const p = f.properties;
    if ("cluster_id" in p) return [{ kind: "cluster", id: p.cluster_id, lat, lon, count: p.point_count, meanScore: p.scoreSum / p.point_count }];
    const event = events[p.i];
    return event ? [{ kind: "event", event, lat, lon }] : [];
  });
}

/** Cooperation, conflict or neither, on the Goldstein-based score (beyond ±0.5: a clear sign). */
export function tone(score: number): "cooperation" | "conflict" | "neutral" {
  return score > 0.5 ? "cooperation" : score < -0.5 ? "conflict" : "neutral";
}

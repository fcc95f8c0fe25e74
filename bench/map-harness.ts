// Browser side of bench/map.ts: bundled by esbuild, run in Chromium. It drives the map's own
// marker layer (app/_components/map/event-layer.ts) and, as the baseline, one Leaflet marker per
// event, and times each step up to the next painted frame.
import L from "leaflet";
import type { MapEvent } from "@/app/_components/map/cluster-index";
import { EventClusterLayer, type EventWords } from "@/app/_components/map/event-layer";
import { MAP_FRAME, MAP_ZOOM } from "@/server/geo/frame";

const CAPITALS: [number, number][] = [
  [34.0209, -6.8416],
  [36.7538, 3.0588],
  [36.8065, 10.1815],
  [32.8872, 13.1913],
  [18.0735, -15.9582],
  [27.1536, -13.2033],
  [48.8566, 2.3522],
  [40.4168, -3.7038],
];

/** The bench times drawing, not reading: the popups' words are placeholders. */
const WORDS: EventWords = {
  date: (e) => e.date.slice(0, 10),
  shownAtCapital: (place) => place,
  score: (score) => String(score),
  open: "→",
  atPlace: (count) => String(count),
  listScore: (score) => String(score),
  more: (count) => `+${count}`,
};

/** mulberry32: the same events on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 40 % at a capital (sources often name no place), the rest scattered around one (σ ≈ 2°). */
function syntheticEvents(count: number): MapEvent[] {
  const next = random(20261126);
  const gauss = () => Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next());
  return Array.from({ length: count }, (_, i) => {
    const [lat, lon] = CAPITALS[Math.floor(next() * CAPITALS.length)] ?? [34, -6.8];
    const atCapital = next() < 0.4;
    return {
      id: `bench-${i}`,
      title: `Synthetic event ${i}`,
      date: "2025-01-15",
      datePrecision: "DAY",
      cameoCode: "042",
      score: Math.round((next() * 16 - 8) * 100) / 100,
      dyadKey: "FRA-MAR",
      lat: atCapital ? lat : lat + gauss() * 2,
      lon: atCapital ? lon : lon + gauss() * 2,
      name: atCapital ? "Capital" : null,
      atCapital,
    };
  });
}

/** Resolves after the frame that shows the work done so far has been painted. */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

const container = document.createElement("div");
container.style.cssText = "width: 960px; height: 500px";
document.body.append(container);
const [w, s, e, n] = MAP_FRAME;
const frame: L.LatLngBoundsLiteral = [
  [s, w],
  [n, e],
];
const map = L.map(container, { minZoom: MAP_ZOOM.min, maxZoom: MAP_ZOOM.max, zoomSnap: MAP_ZOOM.snap, fadeAnimation: false, zoomAnimation: false });
map.fitBounds(frame);
let clustered: EventClusterLayer | null = null;
let plain: L.LayerGroup | null = null;

/** Total time to the painted frame, and the part spent in JavaScript before the browser lays out. */
async function timed(work: () => number | void): Promise<{ ms: number; scriptMs: number; markers: number }> {
  const start = performance.now();
  const drawn = work();
  const scriptMs = performance.now() - start;
  await painted();
  return { ms: performance.now() - start, scriptMs, markers: typeof drawn === "number" ? drawn : container.querySelectorAll(".leaflet-marker-icon").length };
}

const bench = {
  reset() {
    clustered?.remove();
    clustered = null;
    plain?.remove();
    plain = null;
    map.fitBounds(frame, { animate: false });
  },
  /** The map's layer: build the index and draw what the framed view shows. */
  renderClustered(count: number) {
    bench.reset();
    const events = syntheticEvents(count);
    return timed(() => {
      clustered = new EventClusterLayer(map, WORDS);
      return clustered.setEvents(events, { "042": "042 make optimistic comment" });
    });
  },
  /** Baseline: one Leaflet marker (the same divIcon) per event, no grouping. */
  renderPlain(count: number) {
    bench.reset();
    const events = syntheticEvents(count);
    return timed(() => {
      plain = L.layerGroup(events.map((ev) => L.marker([ev.lat, ev.lon], { icon: L.divIcon({ className: "event-marker tone-neutral", iconSize: [14, 14] }) })));
      plain.addTo(map);
    });
  },
  /** A zoom step without animation: the clustered layer regroups on moveend, plain markers move. */
  zoomTo(zoom: number, lat = 34.0209, lon = -6.8416) {
    return timed(() => {
      map.setView([lat, lon], zoom, { animate: false });
    });
  },
  frameZoom: () => map.getZoom(),
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;

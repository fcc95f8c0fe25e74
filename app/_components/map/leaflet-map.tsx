"use client";
// The map itself. Only ever imported through next/dynamic with ssr: false (dashboard-map.tsx):
// Leaflet touches `window` when imported, and this chunk must not hold up the dashboard's first paint.
import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef } from "react";
import { CircleMarker, GeoJSON, MapContainer, Pane, Polyline, TileLayer, Tooltip, useMap, useMapEvents, ZoomControl } from "react-leaflet";
import type { BorderFeature, Borders } from "@/server/geo/borders";
import { MAP_FRAME, MAP_REGION, MAP_ZOOM, type BBox } from "@/server/geo/frame";
import type { Arc } from "./arcs";
import { UNTRACKED_COLOUR, describeCountry, type ShadedCountry } from "./choropleth";
import type { MapEvent } from "./cluster-index";
import { EventClusterLayer, type EventWords } from "./event-layer";
import type { MapView } from "./map-url-state";
import type { MapCountry, TileSettings } from "./types";
import { useMapWords } from "./use-map-words";

export interface LeafletMapProps {
  borders: Borders | undefined;
  countries: readonly MapCountry[];
  shaded: readonly ShadedCountry[];
  /** Dyad keys the dashboard is filtered to; empty: all. */
  selected: readonly string[];
  arcs: readonly Arc[];
  events: readonly MapEvent[];
  typeLabels: Readonly<Record<string, string>>;
  view: MapView | null;
  tiles: TileSettings | null;
  onViewChange: (view: MapView) => void;
  onOpenDyad: (key: string) => void;
}

const toBounds = ([w, s, e, n]: BBox): L.LatLngBoundsLiteral => [
  [s, w],
  [n, e],
];
const CONTEXT_STYLE: L.PathOptions = { fillColor: "#e9e6de", fillOpacity: 1, color: "#c4bdaa", weight: 0.6 };
const INK = "#1d2430";

export default function LeafletMap(props: LeafletMapProps) {
  const { borders, countries, shaded, selected, arcs, events, typeLabels, view, tiles } = props;
  // Leaflet binds handlers once per layer; they read the latest callbacks through this ref.
  const callbacks = useRef({ onViewChange: props.onViewChange, onOpenDyad: props.onOpenDyad });
  useEffect(() => {
    callbacks.current = { onViewChange: props.onViewChange, onOpenDyad: props.onOpenDyad };
  });

  const [context, focus] = useMemo(() => {
    const features = borders?.features ?? [];
    const collection = (list: BorderFeature[]): Borders => ({ type: "FeatureCollection", features: list });
    return [collection(features.filter((f) => !f.properties.focus)), collection(features.filter((f) => f.properties.focus))];
  }, [borders]);
  const byId = useMemo(() => new Map(focus.features.map((f) => [String(f.id), f])), [focus]);
  const t = useTranslations("dashboard.map");
  const words = useMapWords();
  const describe = (f: BorderFeature) => describeCountry(f.properties.code ?? "", f.properties.name, shaded, countries, words);

  const styleOf = (id: unknown): L.PathOptions => {
    const f = byId.get(String(id));
    if (!f) return CONTEXT_STYLE;
    const d = describe(f);
    const shade = shaded.find((s) => s.code === f.properties.code);
    const dimmed = shade !== undefined && selected.length > 0 && !selected.includes(shade.key);
    const className = ["country", `country-${(f.properties.code ?? "").toLowerCase()}`, d.disputed ? "country-disputed" : "", d.dyadKey ? "country-linked" : ""].join(" ");
    if (d.disputed) {
      // The hatch is an SVG pattern defined below; Leaflet writes fillColor into the fill attribute.
      return { className, fillColor: "url(#disputed-hatch)", fillOpacity: 1, color: "#8a5a00", weight: 1.2, dashArray: "5 4" };
    }
    return {
      className,
      fillColor: shade?.colour ?? UNTRACKED_COLOUR,
      fillOpacity: tiles ? 0.6 : dimmed ? 0.35 : 0.92,
      color: "#5b6472",
      weight: f.properties.code === "FRA" ? 1.4 : 1,
    };
  };

  const bindCountry = (feature: { id?: string | number }, layer: L.Layer) => {
    const f = byId.get(String(feature.id));
    if (!f || !(layer instanceof L.Polygon)) return;
    const d = describe(f);
    const tooltip = document.createElement("div");
    d.lines.forEach((line, i) => tooltip.append(Object.assign(document.createElement(i === 0 ? "strong" : "div"), { textContent: line })));
    layer.bindTooltip(tooltip, { sticky: true, className: "country-tooltip" });
    const open = () => {
      if (d.dyadKey) callbacks.current.onOpenDyad(d.dyadKey);
    };
    layer.on("click", open);
    layer.on("add", () => {
      const path = layer.getElement();
      if (!path) return;
      path.setAttribute("aria-label", d.label);
      if (!d.dyadKey) {
        path.setAttribute("role", "img");
        return;
      }
      // Also reachable from the keyboard: Tab to the shape, Enter opens the dyad's page.
      path.setAttribute("role", "link");
      path.setAttribute("tabindex", "0");
      path.addEventListener("keydown", (e) => {
        if (e instanceof KeyboardEvent && e.key === "Enter") open();
      });
      path.addEventListener("focus", () => layer.openTooltip(layer.getCenter()));
      path.addEventListener("blur", () => layer.closeTooltip());
    });
  };

  const capitals = countries.filter((c) => c.capitalLat !== null && c.capitalLon !== null && (c.code === "FRA" || arcs.some((a) => a.partner.code === c.code)));
  // GeoJSON layers take their data and handlers once: remount them when what they show changes.
  const shadingKey = JSON.stringify([shaded.map((s) => [s.code, s.band]), selected, Boolean(tiles), focus.features.length]);

  return (
    <>
      <svg className="map-defs" aria-hidden="true" focusable="false">
        <defs>
          <pattern id="disputed-hatch" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
            <rect width="7" height="7" fill="#f6efdc" />
            <line x1="0" y1="0" x2="0" y2="7" stroke="#b07d1a" strokeWidth="2.5" />
          </pattern>
        </defs>
      </svg>
      <MapContainer
        className="map-canvas"
        // Leaflet's own buttons say "Zoom in" in English: these are named in the reader's language.
        zoomControl={false}
        bounds={view ? undefined : toBounds(MAP_FRAME)}
        boundsOptions={{ padding: [6, 6] }}
        center={view ? [view.lat, view.lon] : undefined}
        zoom={view?.zoom}
        maxBounds={toBounds(MAP_REGION)}
        maxBoundsViscosity={1}
        minZoom={MAP_ZOOM.min}
        maxZoom={MAP_ZOOM.max}
        zoomSnap={MAP_ZOOM.snap}
        zoomDelta={0.5}
      >
        <ZoomControl zoomInTitle={t("zoomIn")} zoomOutTitle={t("zoomOut")} />
        {tiles && <TileLayer url={tiles.url} attribution={tiles.attribution} />}
        <GeoJSON
          key={`context-${shadingKey}`}
          data={context}
          style={tiles ? { ...CONTEXT_STYLE, fillOpacity: 0 } : CONTEXT_STYLE}
          interactive={false}
          attribution={t("attribution")}
        />
        <GeoJSON key={`focus-${shadingKey}`} data={focus} style={(f) => styleOf(f?.id)} onEachFeature={bindCountry} />
        {/* Above the countries (overlay pane, 400), below the markers (600). */}
        <Pane name="arcs" style={{ zIndex: 450 }}>
          {arcs.map((arc) => (
            <Polyline key={`${arc.key}-casing`} positions={arc.points} pathOptions={{ color: INK, weight: arc.weight + 2, opacity: 0.35, interactive: false }} />
          ))}
          {arcs.map((arc) => (
            <Polyline key={arc.key} positions={arc.points} pathOptions={{ color: arc.colour, weight: arc.weight, opacity: 0.95, className: "arc" }}>
              <Tooltip sticky>
                {t("arc", { capital: arc.capitalName, count: arc.eventCount, dyad: arc.partner.label, band: arc.partner.bandLabel })}
              </Tooltip>
            </Polyline>
          ))}
          {capitals.map((c) => (
            <CircleMarker
              key={c.code}
              center={[c.capitalLat ?? 0, c.capitalLon ?? 0]}
              radius={3.5}
              pathOptions={{ color: INK, weight: 1.5, fillColor: "#fff", fillOpacity: 1, interactive: false }}
            />
          ))}
        </Pane>
        <EventLayer events={events} typeLabels={typeLabels} words={words} />
        <ViewSync view={view} onViewChange={(v) => callbacks.current.onViewChange(v)} />
      </MapContainer>
    </>
  );
}

/** The clustered markers, drawn by plain Leaflet (event-layer.ts). */
function EventLayer({ events, typeLabels, words }: { events: readonly MapEvent[]; typeLabels: Readonly<Record<string, string>>; words: EventWords }) {
  const map = useMap();
  const layer = useRef<EventClusterLayer | null>(null);
  const shown = useRef({ events, typeLabels });
  useEffect(() => {
    const created = new EventClusterLayer(map, words);
    layer.current = created;
    // A layer made again (new words) draws what the old one showed.
    created.setEvents(shown.current.events, shown.current.typeLabels);
    return () => created.remove();
  }, [map, words]);
  useEffect(() => {
    shown.current = { events, typeLabels };
    layer.current?.setEvents(events, typeLabels);
  }, [events, typeLabels]);
  return null;
}

/** Keeps the map's centre and zoom and the URL's in step, both ways (moves, back and forward). */
function ViewSync({ view, onViewChange }: { view: MapView | null; onViewChange: (view: MapView) => void }) {
  const map = useMap();
  useMapEvents({
    moveend: () => {
      const centre = map.getCenter();
      onViewChange({ lat: centre.lat, lon: centre.lng, zoom: map.getZoom() });
    },
  });
  useEffect(() => {
    if (!view) return;
    const centre = map.getCenter();
    // The URL holds 4 decimals: a smaller difference is the same view, not a move to make.
    if (Math.abs(centre.lat - view.lat) > 1e-3 || Math.abs(centre.lng - view.lon) > 1e-3 || map.getZoom() !== view.zoom) {
      map.setView([view.lat, view.lon], view.zoom, { animate: false });
    }
  }, [map, view]);
  return null;
}

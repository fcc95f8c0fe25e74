"use client";
// The dashboard's map panel: date range, the map (Leaflet, lazy), its legend and status, and
// beside it the same countries as a list. The data queries start here, in the page's own chunk,
// so they run while the Leaflet chunk downloads; the map slot has a fixed size, so nothing
// moves when it arrives.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { unpackMapEvents, type PackedMapEvents } from "@/server/events/map-wire";
import type { Borders } from "@/server/geo/borders";
import { useFormat } from "../use-format";
import { arcsFromParis } from "./arcs";
import { franceChoropleth, type DyadSummaryLike } from "./choropleth";
import type { MapEvent } from "./cluster-index";
import { CountryList } from "./country-list";
import { MapLegend } from "./map-legend";
import { readMapUrlState, writeMapUrlState, type MapUrlState } from "./map-url-state";
import type { MapCountry, TileSettings } from "./types";
import "./map.css";

/** Module-level, so TanStack Query unpacks once per answer rather than on every render. */
function withEventsUnpacked<T extends { events: PackedMapEvents }>(data: T) {
  return { ...data, events: unpackMapEvents(data.events) };
}

function MapPlaceholder() {
  const t = useTranslations("dashboard.map");
  return (
    <div className="map-canvas map-placeholder">
      <p>{t("loadingMap")}</p>
    </div>
  );
}

const LeafletMap = dynamic(() => import("./leaflet-map"), { ssr: false, loading: () => <MapPlaceholder /> });

async function fetchBorders(): Promise<Borders> {
  const response = await fetch("/api/map/borders");
  if (!response.ok) throw new Error(`borders: HTTP ${response.status}`);
  const borders: Borders = await response.json();
  return borders;
}

/**
 * Writes the map's state into the URL without a server round trip (Next.js syncs useSearchParams).
 * Replaces rather than pushes: panning should not fill the Back button's history.
 */
function writeUrl(patch: Partial<MapUrlState>) {
  const query = writeMapUrlState(new URLSearchParams(window.location.search), patch).toString();
  window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
}

// Stable empties: the marker layer rebuilds its index whenever these change identity.
const NO_EVENTS: MapEvent[] = [];
const NO_LABELS: Record<string, string> = {};

export function DashboardMap({
  summaries,
  countries,
  tiles,
  today,
}: {
  summaries: DyadSummaryLike[];
  countries: MapCountry[];
  tiles: TileSettings | null;
  /** The server's calendar day, so server and browser default to the same range. */
  today: string;
}) {
  const t = useTranslations("dashboard.map");
  const format = useFormat();
  const trpc = useTRPC();
  const router = useRouter();
  const searchParams = useSearchParams();
  const state = useMemo(() => readMapUrlState(searchParams, today), [searchParams, today]);
  const tracked = useMemo(() => new Set(summaries.map((s) => s.key)), [summaries]);
  // An untracked dyad in a shared URL is ignored here rather than failing the whole map.
  const selected = useMemo(() => state.dyads.filter((k) => tracked.has(k)), [state.dyads, tracked]);
  const input = { dyads: selected.length ? selected : undefined, from: state.from, to: state.to };

  const events = useQuery({ ...trpc.events.forMap.queryOptions(input), select: withEventsUnpacked, placeholderData: keepPreviousData, staleTime: 60_000 });
  const volumes = useQuery({ ...trpc.relations.volume.queryOptions(input), placeholderData: keepPreviousData, staleTime: 60_000 });
  const borders = useQuery({ queryKey: ["map-borders"], queryFn: fetchBorders, staleTime: Infinity });

  const shaded = useMemo(() => franceChoropleth(summaries), [summaries]);
  const arcs = useMemo(
    () => arcsFromParis({ shaded, countries, volumes: volumes.data ?? [], selected }),
    [shaded, countries, volumes.data, selected],
  );

  return (
    <div className="map-layout">
      <div className="map-main">
        <section className="map-region" aria-label={t("region")}>
          <LeafletMap
            borders={borders.data}
            countries={countries}
            shaded={shaded}
            selected={selected}
            arcs={arcs}
            events={events.data?.events ?? NO_EVENTS}
            typeLabels={events.data?.typeLabels ?? NO_LABELS}
            view={state.view}
            tiles={tiles}
            onViewChange={(view) => writeUrl({ view })}
            onOpenDyad={(key) => router.push(`/dyads/${key}`)}
          />
          <MapLegend />
        </section>
        <p className="meta map-status" aria-live="polite">
          {events.isError || borders.isError ? (
            <span className="error" role="alert">
              {t("failed", { what: borders.isError ? "borders" : "events" })}{" "}
              <button type="button" onClick={() => void (borders.isError ? borders.refetch() : events.refetch())}>
                {t("tryAgain")}
              </button>
            </span>
          ) : !events.data ? (
            t("loadingEvents")
          ) : (
            <>
              <span data-testid="map-event-count">{events.data.events.length}</span>{" "}
              {t("count", { count: events.data.events.length, from: format.day(state.from), to: format.day(state.to) })}
              {events.data.truncated && ` ${t("truncated", { shown: events.data.events.length, drawable: events.data.total - events.data.unplaced })}`}
              {events.data.unplaced > 0 && ` · ${t("unplaced", { count: events.data.unplaced })}`}
              {events.isFetching && ` · ${t("updating")}`}
            </>
          )}
        </p>
      </div>
      <CountryList shaded={shaded} countries={countries} />
    </div>
  );
}

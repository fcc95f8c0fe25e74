// The event markers on a Leaflet map: clusters from cluster-index.ts, redrawn on every move.
// Plain Leaflet, no React: a few hundred markers change at each zoom, and React reconciling
// them would cost more than Leaflet's own DOM work. bench/map.ts drives this class directly.
import L from "leaflet";
import { buildClusterIndex, itemsInView, tone, type ClusterIndex, type MapEvent, type MapItem } from "./cluster-index";

/** How many events a popup lists for a group that stays together at the highest zoom. */
const LIST_LIMIT = 50;

type ClusterItem = Extract<MapItem, { kind: "cluster" }>;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

type Tone = ReturnType<typeof tone>;

/** The popups' words in the reader's language (use-map-words.ts). */
export interface EventWords {
  date: (event: MapEvent) => string;
  shownAtCapital: (place: string) => string;
  score: (score: number, tone: Tone) => string;
  open: string;
  atPlace: (count: number) => string;
  listScore: (score: number) => string;
  more: (count: number) => string;
}

export class EventClusterLayer {
  private readonly group = L.layerGroup();
  private readonly markers = new Map<string, L.Marker>();
  private index: ClusterIndex | null = null;
  private events: readonly MapEvent[] = [];
  private typeLabels: Readonly<Record<string, string>> = {};
  private readonly onMove = () => this.refresh();

  constructor(
    private readonly map: L.Map,
    private readonly words: EventWords,
  ) {
    this.group.addTo(map);
    map.on("moveend", this.onMove);
  }

  /** Replaces the events (a new range or filter): rebuilds the index and redraws. */
  setEvents(events: readonly MapEvent[], typeLabels: Readonly<Record<string, string>>): number {
    this.events = events;
    this.typeLabels = typeLabels;
    this.index = buildClusterIndex(events);
    for (const marker of this.markers.values()) this.group.removeLayer(marker);
    this.markers.clear();
    return this.refresh();
  }

  /**
   * Draws what the view (and a margin, so a short pan shows markers at once) holds at this zoom.
   * Markers still wanted are kept, not rebuilt, so an open popup survives its own auto-pan.
   * Returns how many markers are drawn.
   */
  refresh(): number {
    if (!this.index) return 0;
    const b = this.map.getBounds().pad(0.1);
    const items = itemsInView(this.index, this.events, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], this.map.getZoom());
    const wanted = new Map(items.map((item) => [item.kind === "cluster" ? `c${item.id}` : `e${item.event.id}`, item]));
    for (const [key, marker] of this.markers) {
      if (!wanted.has(key)) {
        this.group.removeLayer(marker);
        this.markers.delete(key);
      }
    }
    for (const [key, item] of wanted) {
      if (this.markers.has(key)) continue;
      const marker = item.kind === "cluster" ? this.clusterMarker(item) : this.eventMarker(item.event);
      this.markers.set(key, marker);
      this.group.addLayer(marker);
    }
    return items.length;
  }

  remove(): void {
    this.map.off("moveend", this.onMove);
    this.group.remove();
    this.markers.clear();
  }

  private eventMarker(event: MapEvent): L.Marker {
    const icon = L.divIcon({ className: `event-marker tone-${tone(event.score)}`, iconSize: [14, 14] });
    return L.marker([event.lat, event.lon], { icon, title: `${event.title}, ${this.words.date(event)}`, riseOnHover: true }).bindPopup(
      () => this.eventPopup(event),
      { maxWidth: 320 },
    );
  }

  private clusterMarker(item: ClusterItem): L.Marker {
    const size = item.count < 10 ? 28 : item.count < 100 ? 34 : item.count < 1000 ? 40 : 46;
    const icon = L.divIcon({
      className: `event-cluster tone-${tone(item.meanScore)}`,
      iconSize: [size, size],
      html: `<span>${item.count}</span>`,
    });
    const marker = L.marker([item.lat, item.lon], { icon, title: `${item.count} events here: open to zoom in or list them` });
    const open = () => {
      const zoom = this.index?.getClusterExpansionZoom(item.id) ?? Infinity;
      if (zoom <= this.map.getMaxZoom()) this.map.setView([item.lat, item.lon], zoom);
      // Events at one place never separate: list them instead.
      else marker.bindPopup(this.listPopup(item), { maxWidth: 340 }).openPopup();
    };
    marker.on("click", open);
    marker.on("keypress", (e: L.LeafletKeyboardEvent) => {
      if (e.originalEvent.key === "Enter") open();
    });
    return marker;
  }

  private placeLine(event: MapEvent): string {
    if (!event.name) return "";
    return event.atCapital ? this.words.shownAtCapital(event.name) : event.name;
  }

  private eventPopup(event: MapEvent): HTMLElement {
    const box = element("div", undefined, "event-popup");
    const title = element("strong", event.title);
    // A title in any script reads in its own direction.
    title.dir = "auto";
    box.append(title);
    box.append(element("p", `${this.words.date(event)} · ${this.typeLabels[event.cameoCode] ?? event.cameoCode}`));
    box.append(element("p", this.words.score(event.score, tone(event.score))));
    const place = this.placeLine(event);
    if (place) box.append(element("p", place, "meta"));
    const link = element("a", this.words.open);
    link.href = `/events/${encodeURIComponent(event.id)}`;
    const line = element("p");
    line.append(link);
    box.append(line);
    return box;
  }

  private listPopup(item: ClusterItem): HTMLElement {
    const leaves = this.index?.getLeaves(item.id, LIST_LIMIT) ?? [];
    const box = element("div", undefined, "event-popup");
    box.append(element("strong", this.words.atPlace(item.count)));
    const list = element("ul", undefined, "event-popup-list");
    for (const leaf of leaves) {
      const event = this.events[leaf.properties.i];
      if (!event) continue;
      const link = element("a", event.title);
      link.dir = "auto";
      link.href = `/events/${encodeURIComponent(event.id)}`;
      const li = element("li");
      li.append(link, element("span", ` · ${this.words.date(event)} · ${this.words.listScore(event.score)}`, "meta"));
      list.append(li);
    }
    box.append(list);
    if (item.count > leaves.length) box.append(element("p", this.words.more(item.count - leaves.length), "meta"));
    return box;
  }
}

// How events.forMap sends its points: one JSON text of rows (arrays, not objects) with places and
// dyads listed once. Under load the 10,000 points were the server's costliest answer: superjson
// walks every field of every object (~50 ms at 10,000 events) where a text is one value to it,
// and the repeated keys and capitals made the answer 2.5× larger to compress and send.
import type { DatePrecision } from "../method/params";
import type { MapPlace } from "./place";

/** One event as the map draws it. */
export interface MapEvent extends MapPlace {
  id: string;
  title: string;
  /** "YYYY-MM-DD", read with `datePrecision`. */
  date: string;
  datePrecision: DatePrecision;
  cameoCode: string;
  score: number;
  dyadKey: string;
}

type PlaceRow = [lat: number, lon: number, name: string | null, atCapital: boolean];
type EventRow = [id: string, title: string, date: string, precision: DatePrecision, cameoCode: string, score: number, dyad: number, place: number];
interface MapWire {
  dyads: string[];
  places: PlaceRow[];
  rows: EventRow[];
}

/** The events as a text for the wire; `unpackMapEvents` gives them back, in order. */
export type PackedMapEvents = string & { readonly packedMapEvents: unique symbol };

function indexer<K>(): { list: K[]; indexOf(key: string, value: K): number } {
  const seen = new Map<string, number>();
  const list: K[] = [];
  return {
    list,
    indexOf(key, value) {
      let i = seen.get(key);
      if (i === undefined) seen.set(key, (i = list.push(value) - 1));
      return i;
    },
  };
}

export function packMapEvents(events: readonly MapEvent[]): PackedMapEvents {
  const dyads = indexer<string>();
  const places = indexer<PlaceRow>();
  const rows = events.map((e): EventRow => {
    const place = places.indexOf(`${e.lat},${e.lon},${e.atCapital},${e.name}`, [e.lat, e.lon, e.name, e.atCapital]);
    return [e.id, e.title, e.date, e.datePrecision, e.cameoCode, e.score, dyads.indexOf(e.dyadKey, e.dyadKey), place];
  });
  const wire: MapWire = { dyads: dyads.list, places: places.list, rows };
  // The brand records that the text came from here; JSON.stringify cannot say so itself.
  return JSON.stringify(wire) as PackedMapEvents;
}

export function unpackMapEvents(packed: PackedMapEvents): MapEvent[] {
  const wire: MapWire = JSON.parse(packed);
  return wire.rows.map(([id, title, date, datePrecision, cameoCode, score, dyad, place]) => {
    const [lat, lon, name, atCapital] = wire.places[place] ?? [0, 0, null, false];
    return { id, title, date, datePrecision, cameoCode, score, dyadKey: wire.dyads[dyad] ?? "", lat, lon, name, atCapital };
  });
}

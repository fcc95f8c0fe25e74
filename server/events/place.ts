// Where an event stands on the map. Sources often name only the countries involved, so an event
// without its own place is drawn at a capital rather than left off the map.

export interface Capital {
  name: string | null;
  lat: number | null;
  lon: number | null;
}

export interface PlaceFields {
  placeName: string | null;
  placeLat: number | null;
  placeLon: number | null;
  actorCode: string;
  targetCode: string;
}

export interface MapPlace {
  lat: number;
  lon: number;
  name: string | null;
  /** True when the event is drawn at a capital because its source gives no place. */
  atCapital: boolean;
}

function coordinate(lat: number | null, lon: number | null): { lat: number; lon: number } | null {
  if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

/**
 * The event's own place; else the target's capital (where an action lands: a visit, a recall, a
 * statement about it), else the actor's; null when neither country has a known capital.
 */
export function placeOnMap(event: PlaceFields, capitals: ReadonlyMap<string, Capital>): MapPlace | null {
  const own = coordinate(event.placeLat, event.placeLon);
  if (own) return { ...own, name: event.placeName, atCapital: false };
  for (const code of [event.targetCode, event.actorCode]) {
    const capital = capitals.get(code);
    const at = capital ? coordinate(capital.lat, capital.lon) : null;
    if (capital && at) return { ...at, name: capital.name, atCapital: true };
  }
  return null;
}

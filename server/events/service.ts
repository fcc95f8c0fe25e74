// Database reads for events.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { fromDay, toDay } from "../method/day";
import { dateOfDay } from "../scope/day";
import { cameoLabel, eventScore } from "../method/goldstein";
import { OVERRIDE_KEYS } from "../method/params";
import { capitalPlaces } from "../geo/places";
import { readableRecords } from "../records/archived";
import { indexAnswers } from "../relations/answers";
import { dyadsByKey } from "../relations/service";
import { gdeltEvidence } from "../review/service";
import { packMapEvents, type MapEvent } from "./map-wire";
import { placeOnMap, type Capital } from "./place";

/** What an event's page shows; its linked agreements as readable to the reader (readableRecords). */
const eventDetailSelect = (withArchived: boolean) => ({
  id: true,
  title: true,
  summary: true,
  date: true,
  datePrecision: true,
  placementDate: true,
  cameoCode: true,
  overrideKey: true,
  scoreOverride: true,
  overrideReason: true,
  level: true,
  verification: true,
  score: true,
  methodVersion: true,
  placeName: true,
  provenance: true,
  reviewStatus: true,
  version: true,
  archivedAt: true,
  actor: { select: { code: true, name: true } },
  target: { select: { code: true, name: true } },
  dyad: { select: { key: true } },
  sources: { select: { id: true, publisher: true, title: true, url: true, publishedOn: true } },
  agreements: {
    where: { agreement: readableRecords(withArchived) },
    select: { agreement: { select: { id: true, title: true, kind: true, status: true, archivedAt: true } } },
  },
}) satisfies Prisma.EventSelect;

/**
 * One event with how its score breaks down (G × L × V) and its GDELT evidence, or null when there is none. An archived
 * event, and the archived agreements it links, only `withArchived` (canReadArchived).
 */
export async function eventById({ db, id, withArchived }: { db: Db; id: string; withArchived: boolean }) {
  const event = await db.event.findFirst({ where: { id, ...readableRecords(withArchived) }, select: eventDetailSelect(withArchived) });
  if (!event) return null;
  const breakdown = eventScore({
    cameoCode: event.cameoCode,
    overrideKey: OVERRIDE_KEYS.find((k) => k === event.overrideKey) ?? null,
    scoreOverride: event.scoreOverride,
    level: event.level,
    verification: event.verification,
  });
  // Accepted from GDELT or corroborated by it: the reports behind it, and whether a rule published it alone.
  const gdelt = await gdeltEvidence({ db, eventId: event.id });
  return { ...event, typeLabel: cameoLabel(event.cameoCode) ?? event.cameoCode, breakdown, gdelt };
}

/** What the event form offers to pick from: tracked dyads, places (capitals), agreements to link. */
export async function eventFormOptions({ db }: { db: Db }) {
  const [dyads, countries, agreements] = await Promise.all([
    db.dyad.findMany({ where: { tracked: true }, select: { key: true, a: { select: { code: true, name: true } }, b: { select: { code: true, name: true } } }, orderBy: { key: "asc" } }),
    db.country.findMany({ select: { code: true, name: true, capitalName: true, capitalLat: true, capitalLon: true }, orderBy: { name: "asc" } }),
    db.agreement.findMany({ where: { archivedAt: null }, select: { id: true, title: true, date: true }, orderBy: [{ date: { sort: "desc", nulls: "last" } }, { id: "desc" }], take: 200 }),
  ]);
  return { dyads, places: capitalPlaces(countries), agreements };
}

const mapEventSelect = {
  id: true,
  title: true,
  date: true,
  datePrecision: true,
  cameoCode: true,
  score: true,
  dyadId: true,
  actorCode: true,
  targetCode: true,
  placeName: true,
  placeLat: true,
  placeLon: true,
} satisfies Prisma.EventSelect;

const capitalKnown = { capitalLat: { not: null }, capitalLon: { not: null } } satisfies Prisma.CountryWhereInput;

const capitalSelect = { code: true, capitalName: true, capitalLat: true, capitalLon: true } satisfies Prisma.CountrySelect;

/**
 * Live events of the dyads placed within [from, to] (day numbers) that can be drawn, newest first, at
 * most `limit`, each with a point on the map; `total` counts them all, `unplaced` those that
 * cannot be drawn. Dates go out as "YYYY-MM-DD" strings and type labels once per code: at 10,000
 * events, Date objects and repeated labels would double the response. The events travel packed
 * (map-wire.ts); `unpackMapEvents` reads them.
 */
export function eventsForMap(input: Parameters<typeof readEventsForMap>[0], answers = indexAnswers) {
  return answers.answer("eventsForMap", input, readEventsForMap);
}

async function readEventsForMap(input: { db: Db; keys?: string[]; from: number; to: number; limit: number }) {
  const { db, from, to, limit } = input;
  const dyads = await dyadsByKey(db, input.keys);
  const keyOf = new Map(dyads.map((d) => [d.id, d.key]));
  const where = {
    dyadId: { in: dyads.map((d) => d.id) },
    archivedAt: null,
    placementDate: { gte: dateOfDay(from), lte: dateOfDay(to) },
  } satisfies Prisma.EventWhereInput;
  // Only events that can be drawn are read: most synthetic and many sourced events have neither a
  // place nor a known capital, and reading 10,000 rows to drop nine in ten cost the server ~60 ms.
  const drawable = { ...where, OR: [{ placeLat: { not: null }, placeLon: { not: null } }, { target: capitalKnown }, { actor: capitalKnown }] } satisfies Prisma.EventWhereInput;
  const [rows, [counts], countries] = await Promise.all([
    db.event.findMany({ where: drawable, select: mapEventSelect, orderBy: [{ placementDate: "desc" }, { id: "asc" }], take: limit }),
    // Both counts in one pass over the range (the same conditions as `where` and `drawable`): two
    // counts cost the database two scans of up to a year of every dyad's events.
    db.$queryRaw<{ total: number; drawable: number }[]>`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE (e."placeLat" IS NOT NULL AND e."placeLon" IS NOT NULL)
               OR (t."capitalLat" IS NOT NULL AND t."capitalLon" IS NOT NULL)
               OR (a."capitalLat" IS NOT NULL AND a."capitalLon" IS NOT NULL))::int AS drawable
      FROM "Event" e
      JOIN "Country" t ON t.code = e."targetCode"
      JOIN "Country" a ON a.code = e."actorCode"
      WHERE e."dyadId" = ANY(${dyads.map((d) => d.id)}) AND e."archivedAt" IS NULL
        AND e."placementDate" >= ${dateOfDay(from)}::date AND e."placementDate" <= ${dateOfDay(to)}::date`,
    db.country.findMany({ select: capitalSelect }),
  ]);
  const total = counts?.total ?? 0;
  const drawableTotal = counts?.drawable ?? 0;
  const capitals = new Map<string, Capital>(countries.map((c) => [c.code, { name: c.capitalName, lat: c.capitalLat, lon: c.capitalLon }]));
  const events = rows.flatMap((e): MapEvent[] => {
    const place = placeOnMap(e, capitals);
    if (!place) return [];
    return [
      {
        id: e.id,
        title: e.title,
        date: fromDay(toDay(e.date)),
        datePrecision: e.datePrecision,
        cameoCode: e.cameoCode,
        score: e.score,
        dyadKey: keyOf.get(e.dyadId) ?? "",
        ...place,
      },
    ];
  });
  const codes = [...new Set(events.map((e) => e.cameoCode))];
  return {
    events: packMapEvents(events),
    total,
    truncated: drawableTotal > rows.length,
    /** Events in range with no place and no capital to stand in for one (placeOnMap has the last word on coordinates). */
    unplaced: total - drawableTotal + (rows.length - events.length),
    typeLabels: Object.fromEntries(codes.map((code) => [code, cameoLabel(code) ?? code])),
  };
}

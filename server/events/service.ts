// Database reads for events.
import type { Db } from "../db-client";
import { Prisma } from "../generated/prisma/client";
import { fromDay, toDay } from "../method/day";
import { dateOfDay } from "../scope/day";
import { cameoLabel, eventScore } from "../method/goldstein";
import { OVERRIDE_KEYS, type DatePrecision } from "../method/params";
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

const capitalSelect = { code: true, capitalName: true, capitalLat: true, capitalLon: true } satisfies Prisma.CountrySelect;

/** What the map shows of an event, with the day it is placed on to order by. */
const MAP_COLUMNS = Prisma.sql`x.id, x."placementDate", x.title, x.date, x."datePrecision", x."cameoCode", x.score, x."dyadId",
  x."actorCode", x."targetCode", x."placeName", x."placeLat", x."placeLon"`;

/** One row of the map's pick: the counts, and one event shown (all null when none is). */
interface MapPickRow {
  total: number;
  drawable: number;
  id: string | null;
  title: string;
  date: Date;
  datePrecision: DatePrecision;
  cameoCode: string;
  score: number;
  dyadId: string;
  actorCode: string;
  targetCode: string;
  placeName: string | null;
  placeLat: number | null;
  placeLon: number | null;
}

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
  const ids = dyads.map((d) => d.id);
  // One statement, one connection. An event's actor and target are its dyad's two countries (the
  // event schema's rule on every write), so whether it can be drawn is mostly the dyad's: every
  // event of a dyad with a capital on record has a point to stand at; of the others, only those
  // with their own place. So the events shown are read straight from Event_map_idx for the first
  // dyads, and by id for the few placed ones of the others, found from the index alone (the OFFSET
  // 0 keeps PostgreSQL from trading those look-ups for a scan of the table); the counts come from
  // the index alone, per dyad. Judging each of a year's events against its countries' capitals
  // made this the read each write waited on longest (BENCHMARKS.md, "The map's events read by dyad").
  const [rows, countries] = await Promise.all([
    db.$queryRaw<MapPickRow[]>`
      WITH capital AS MATERIALIZED (
        SELECT d.id,
               (a."capitalLat" IS NOT NULL AND a."capitalLon" IS NOT NULL)
                 OR (b."capitalLat" IS NOT NULL AND b."capitalLon" IS NOT NULL) AS drawn
        FROM "Dyad" d
        JOIN "Country" a ON a.code = d."countryA"
        JOIN "Country" b ON b.code = d."countryB"
        WHERE d.id = ANY(${ids})
      ), per_dyad AS (
        SELECT e."dyadId", count(*) AS n,
               count(*) FILTER (WHERE e."placeLat" IS NOT NULL AND e."placeLon" IS NOT NULL) AS placed
        FROM "Event" e
        WHERE e."dyadId" = ANY(${ids}) AND e."archivedAt" IS NULL
          AND e."placementDate" >= ${dateOfDay(from)}::date AND e."placementDate" <= ${dateOfDay(to)}::date
        GROUP BY e."dyadId"
      ), counts AS (
        SELECT coalesce(sum(n), 0)::int AS total, coalesce(sum(CASE WHEN c.drawn THEN n ELSE placed END), 0)::int AS drawable
        FROM per_dyad JOIN capital c ON c.id = per_dyad."dyadId"
      ), shown AS (
        (SELECT ${MAP_COLUMNS} FROM "Event" x
         WHERE x."dyadId" = ANY(ARRAY(SELECT id FROM capital WHERE drawn)) AND x."archivedAt" IS NULL
           AND x."placementDate" >= ${dateOfDay(from)}::date AND x."placementDate" <= ${dateOfDay(to)}::date)
        UNION ALL
        (SELECT ${MAP_COLUMNS} FROM "Event" x
         WHERE x.id IN (
           SELECT p.id FROM "Event" p
           WHERE p."dyadId" = ANY(ARRAY(SELECT id FROM capital WHERE NOT drawn)) AND p."archivedAt" IS NULL
             AND p."placementDate" >= ${dateOfDay(from)}::date AND p."placementDate" <= ${dateOfDay(to)}::date
             AND p."placeLat" IS NOT NULL AND p."placeLon" IS NOT NULL
           OFFSET 0))
        ORDER BY "placementDate" DESC, id LIMIT ${limit}
      )
      SELECT counts.total, counts.drawable, shown.*
      FROM counts LEFT JOIN shown ON TRUE
      ORDER BY shown."placementDate" DESC, shown.id`,
    db.country.findMany({ select: capitalSelect }),
  ]);
  const counts = rows[0];
  const total = counts?.total ?? 0;
  const drawableTotal = counts?.drawable ?? 0;
  const shown = rows.filter((row): row is MapPickRow & { id: string } => row.id !== null);
  const capitals = new Map<string, Capital>(countries.map((c) => [c.code, { name: c.capitalName, lat: c.capitalLat, lon: c.capitalLon }]));
  const events = shown.flatMap((e): MapEvent[] => {
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
    truncated: drawableTotal > shown.length,
    /** Events in range with no place and no capital to stand in for one (placeOnMap has the last word on coordinates). */
    unplaced: total - drawableTotal + (shown.length - events.length),
    typeLabels: Object.fromEntries(codes.map((code) => [code, cameoLabel(code) ?? code])),
  };
}

// Database reads for events.
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { cameoLabel, eventScore } from "../relations/goldstein";
import { OVERRIDE_KEYS } from "../relations/params";

const eventDetailSelect = {
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
  archivedAt: true,
  actor: { select: { code: true, name: true } },
  target: { select: { code: true, name: true } },
  dyad: { select: { key: true } },
  sources: { select: { id: true, publisher: true, title: true, url: true, publishedOn: true } },
  agreements: { select: { agreement: { select: { id: true, title: true, kind: true, status: true } } } },
} satisfies Prisma.EventSelect;

/** One event with how its score breaks down (G × L × V), or null when there is none. */
export async function eventById({ db, id }: { db: Db; id: string }) {
  const event = await db.event.findUnique({ where: { id }, select: eventDetailSelect });
  if (!event) return null;
  const breakdown = eventScore({
    cameoCode: event.cameoCode,
    overrideKey: OVERRIDE_KEYS.find((k) => k === event.overrideKey) ?? null,
    scoreOverride: event.scoreOverride,
    level: event.level,
    verification: event.verification,
  });
  return { ...event, typeLabel: cameoLabel(event.cameoCode) ?? event.cameoCode, breakdown };
}

/** What the event form offers to pick from: tracked dyads, places (capitals), agreements to link. */
export async function eventFormOptions({ db }: { db: Db }) {
  const [dyads, countries, agreements] = await Promise.all([
    db.dyad.findMany({ where: { tracked: true }, select: { key: true, a: { select: { code: true, name: true } }, b: { select: { code: true, name: true } } }, orderBy: { key: "asc" } }),
    db.country.findMany({ select: { code: true, name: true, capitalName: true, capitalLat: true, capitalLon: true }, orderBy: { name: "asc" } }),
    db.agreement.findMany({ where: { archivedAt: null }, select: { id: true, title: true, date: true }, orderBy: [{ date: { sort: "desc", nulls: "last" } }, { id: "desc" }], take: 200 }),
  ]);
  const places = countries.flatMap((c) =>
    c.capitalName && c.capitalLat !== null && c.capitalLon !== null ? [{ name: c.capitalName, lat: c.capitalLat, lon: c.capitalLon, country: c.name }] : [],
  );
  return { dyads, places, agreements };
}

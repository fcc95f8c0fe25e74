// Database reads for the relations index. Indicators come from the DyadDay rollup only;
// raw events are read just to name what drives a number (drivers, chart markers).
import { databaseUrlOf, type Db } from "../db-client";
import { primaryOf } from "../db-replica";
import { changeFeedOf } from "../shared/change-feed";
import { instanceCache, type InstanceCache } from "../shared/instance-cache";
import { driverAnswers, indexAnswers } from "./answers";
import { Prisma } from "../generated/prisma/client";
import { fromDay, toDay } from "../method/day";
import { dateOfDay } from "../scope/day";
import { dyadLabel } from "../method/dyad-label";
import { changeBreakdown, topDrivers, type IndexEvent } from "../method/index-math";
import { eventScore } from "../method/goldstein";
import { METHOD, methodRelease, OVERRIDE_KEYS, type DatePrecision } from "../method/params";
import { ROLLUP_COLUMNS, dayCells, ensureRollupsCurrent, liveConditions, toRollupRow, type RollupDbRow } from "./rollup";
import { contributionRange, plausibleHorizonDays, sensitivityOf } from "../method/plausible";
import { wantsStillInForceCheck } from "../method/standing";
import { EMPTY_CARRY, rollForward, summaryDays, summaryFromRollup, type DayTotals } from "../method/rollup-math";
import { coverageOf, coverageWindowStart } from "../method/coverage";
import { AppError } from "../shared/errors";
import { said } from "../shared/said";

const countrySelect = { code: true, name: true, status: true } satisfies Prisma.CountrySelect;
const dyadSelect = { id: true, key: true, a: { select: countrySelect }, b: { select: countrySelect } } satisfies Prisma.DyadSelect;
type DyadWithCountries = Prisma.DyadGetPayload<{ select: typeof dyadSelect }>;

/** France first, then the other party: analysts read "France – Morocco". */

type KnownDyad = { dyad: DyadWithCountries; tracked: boolean };

/**
 * Every dyad with its countries: a few dozen rows, named by nearly every read of the index, that
 * change only when a dyad is recorded or a country renamed. Each instance keeps them until the
 * database announces such a write (server/shared/instance-cache.ts), a minute at most; without
 * a listener (scripts, tests) they are read each time. Callers get them shared: never mutated.
 */
const DYADS_TTL_MS = 60_000;

/** One instance's dyads cache, hearing changes through `feedFor` (tests make one per simulated instance). */
export const dyadsCacheWith = (feedFor: typeof changeFeedOf) => instanceCache<KnownDyad[]>({ topic: "dyads", ttlMs: DYADS_TTL_MS, feedFor, withoutListener: "readThrough" });
const dyadsCache = dyadsCacheWith(changeFeedOf);

function knownDyads(db: Db, cache: InstanceCache<KnownDyad[]>): Promise<KnownDyad[]> {
  // Filled from the primary: the notice comes from there, and a replica may not have the write yet.
  const primary = primaryOf(db);
  const load = () =>
    primary.dyad
      .findMany({ select: { ...dyadSelect, tracked: true }, orderBy: { key: "asc" } })
      .then((rows) => rows.map(({ tracked, ...dyad }) => ({ dyad, tracked })));
  return cache.get({ databaseUrl: databaseUrlOf(primary), load });
}

/** The named dyads (all tracked ones when none are named), France's first; NOT_FOUND names the unknown. */
export async function dyadsByKey(db: Db, keys: string[] | undefined, cache = dyadsCache): Promise<DyadWithCountries[]> {
  const known = await knownDyads(db, cache);
  const dyads = known.filter((k) => (keys ? keys.includes(k.dyad.key) : k.tracked)).map((k) => k.dyad);
  const missing = (keys ?? []).filter((k) => !dyads.some((d) => d.key === k));
  if (missing.length) throw new AppError("NOT_FOUND", said("dyadsNotRecorded", { dyads: missing.join(", ") }));
  // France's dyads first, as the product is about France and the Maghreb.
  return dyads.sort((x, y) => Number(y.key.includes("FRA")) - Number(x.key.includes("FRA")) || x.key.localeCompare(y.key));
}

type RollupSelectRow = RollupDbRow & { dyadId: string; plausibleLow: number | null; plausibleHigh: number | null };

/**
 * Every read below shows the plausible range unless `withRange` is false: only bench:relations
 * turns it off, to time the dyad page with and without the range in one command (issue 19).
 */
const rangeColumns = (withRange: boolean) =>
  Prisma.raw(withRange ? `"plausibleLow", "plausibleHigh"` : `NULL::float8 AS "plausibleLow", NULL::float8 AS "plausibleHigh"`);

/** Headline numbers per dyad as of a day, with the latest event and the coverage for the card. */
export function dyadSummaries(input: Parameters<typeof readSummaries>[0], answers = indexAnswers) {
  return answers.answer("summaries", input, readSummaries);
}

async function readSummaries(input: { db: Db; now: number; asOf?: number; keys?: string[]; withRange?: boolean }) {
  const { db, now, withRange = true } = input;
  const asOf = input.asOf ?? now;
  await ensureRollupsCurrent({ db, today: now });
  const dyads = await dyadsByKey(db, input.keys);
  const ids = dyads.map((d) => d.id);
  const [rows, latest, recent] = await Promise.all([
    db.$queryRaw<RollupSelectRow[]>`
      SELECT "dyadId", ${ROLLUP_COLUMNS}, ${rangeColumns(withRange)}
      FROM "DyadDay"
      WHERE "dyadId" = ANY(${ids}) AND day = ANY(${summaryDays(asOf).map(fromDay)}::date[])`,
    db.$queryRaw<{ dyadId: string; id: string; title: string; date: Date; datePrecision: DatePrecision; placementDate: Date }[]>`
      SELECT d.id AS "dyadId", e.id, e.title, e.date, e."datePrecision", e."placementDate"
      FROM "Dyad" d CROSS JOIN LATERAL (
        SELECT id, title, date, "datePrecision", "placementDate" FROM "Event"
        WHERE "dyadId" = d.id AND "archivedAt" IS NULL AND "placementDate" <= ${fromDay(asOf)}::date
        ORDER BY "placementDate" DESC LIMIT 1
      ) e
      WHERE d.id = ANY(${ids})`,
    // The coverage window's events from the rollup's daily counts: ~90 rows per dyad, no event scan.
    db.$queryRaw<{ dyadId: string; events: number }[]>`
      SELECT "dyadId", sum("eventCount")::int AS events FROM "DyadDay"
      WHERE "dyadId" = ANY(${ids}) AND day >= ${fromDay(coverageWindowStart(asOf))}::date AND day <= ${fromDay(asOf)}::date
      GROUP BY "dyadId"`,
  ]);
  return dyads.map((dyad) => {
    const last = latest.find((l) => l.dyadId === dyad.id);
    const lastEventDay = last ? toDay(last.placementDate) : null;
    const own = rows.filter((r) => r.dyadId === dyad.id);
    const summary = summaryFromRollup({ rows: own.map(toRollupRow), today: asOf, lastEventDay });
    const onDay = own.find((r) => toDay(r.day) === asOf);
    const eventsInWindow = recent.find((r) => r.dyadId === dyad.id)?.events ?? 0;
    return {
      key: dyad.key,
      label: dyadLabel(dyad),
      a: dyad.a,
      b: dyad.b,
      asOf: fromDay(asOf),
      ...summary,
      bandLabel: METHOD.bandLabels[summary.band],
      coverage: coverageOf({ today: asOf, ledger: summary.ledger, pulse: summary.pulse, lastEventDay, eventsInWindow }),
      /** The value's plausible range under the method's parameter ranges; null before the dyad's data. */
      plausible: onDay?.plausibleLow != null && onDay.plausibleHigh != null ? { low: onDay.plausibleLow, high: onDay.plausibleHigh } : null,
      lastEvent: last ? { id: last.id, title: last.title, date: last.date, datePrecision: last.datePrecision } : null,
    };
  });
}

/** The chart's one answer: the series, with the range's largest events as markers when asked. */
export function seriesWithMarkers(input: Parameters<typeof dyadSeries>[0] & { markers: boolean }, answers = indexAnswers) {
  return answers.answer("seriesWithMarkers", input, async (asked) => {
    const [dyads, markers] = await Promise.all([dyadSeries(asked), asked.markers ? readKeyEvents(asked) : []]);
    return { dyads, markers };
  });
}

/** The index per day (or per week: each Sunday's value and the last day) over a range, read each time (bench:relations). */
export async function dyadSeries(input: {
  db: Db;
  now: number;
  keys: string[];
  from: number;
  to: number;
  granularity: "daily" | "weekly";
  withRange?: boolean;
}) {
  const { db, now, from, to, granularity, withRange = true } = input;
  await ensureRollupsCurrent({ db, today: now });
  const dyads = await dyadsByKey(db, input.keys);
  const end = Math.min(to, now);
  const rows = await db.$queryRaw<{ dyadId: string; day: Date; pulse: number; ledger: number; index: number; plausibleLow: number | null; plausibleHigh: number | null }[]>`
    SELECT "dyadId", day, pulse, ledger, index, ${rangeColumns(withRange)} FROM "DyadDay"
    WHERE "dyadId" = ANY(${dyads.map((d) => d.id)}) AND day >= ${fromDay(from)}::date AND day <= ${fromDay(end)}::date
      -- Weekly: only the rows kept below are read (a seventh), not every day to drop six in seven.
      AND (${granularity} = 'daily' OR (day - DATE '1970-01-01' + 4) % 7 = 6 OR day = ${fromDay(end)}::date)
    ORDER BY day`;
  return dyads.map((dyad) => {
    const byDay = new Map(rows.filter((r) => r.dyadId === dyad.id).map((r) => [toDay(r.day), r]));
    const points = sampledDays(from, end, granularity).map((day) => {
      const r = byDay.get(day); // no row: before the dyad's first data, neutral
      const index = r?.index ?? 0;
      return { day: fromDay(day), index, pulse: r?.pulse ?? 0, ledger: r?.ledger ?? 0, low: r?.plausibleLow ?? index, high: r?.plausibleHigh ?? index };
    });
    return { key: dyad.key, label: dyadLabel(dyad), points };
  });
}

/** The days a series shows: every day, or each Sunday and the last day (day 0 was a Thursday). */
function sampledDays(from: number, end: number, granularity: "daily" | "weekly"): number[] {
  const days: number[] = [];
  for (let day = from; day <= end; day++) if (granularity === "daily" || (day + 4) % 7 === 6 || day === end) days.push(day);
  return days;
}

/**
 * A dyad's index under another published method version, computed on request with the pure
 * core from its live events (rescored with that version's weights) and conditions: the dyad
 * chart's overlay of the previous version. One read of the dyad's events and conditions.
 */
export async function dyadSeriesUnder(input: {
  db: Db;
  now: number;
  key: string;
  version: string;
  from: number;
  to: number;
  granularity: "daily" | "weekly";
}) {
  const { db, now, from, granularity } = input;
  const release = methodRelease(input.version);
  if (!release) throw new AppError("NOT_FOUND", said("noMethodVersion", { version: input.version }));
  const { method } = release;
  const [dyad] = await dyadsByKey(db, [input.key]);
  if (!dyad) throw new AppError("NOT_FOUND", said("dyadsNotRecorded", { dyads: input.key }));
  const end = Math.min(input.to, now);
  const [events, conditions] = await Promise.all([
    db.event.findMany({
      where: { dyadId: dyad.id, archivedAt: null, placementDate: { lte: dateOfDay(end) } },
      select: { placementDate: true, cameoCode: true, overrideKey: true, scoreOverride: true, level: true, verification: true },
    }),
    liveConditions(db, dyad.id),
  ]);
  const totals = new Map<number, DayTotals>();
  for (const e of events) {
    const day = toDay(e.placementDate);
    const overrideKey = OVERRIDE_KEYS.find((k) => k === e.overrideKey) ?? null;
    const { s } = eventScore({ ...e, overrideKey }, method);
    const t = totals.get(day);
    totals.set(day, { sum: (t?.sum ?? 0) + s, count: (t?.count ?? 0) + 1 });
  }
  const starts = [...totals.keys(), ...conditions.map((c) => c.startDay)].filter((d) => d <= end);
  const dataStartDay = starts.length ? Math.min(...starts) : end + 1;
  const rows = rollForward({ carry: EMPTY_CARRY, totals, conditions, dataStartDay, fromDay: dataStartDay, toDay: end, method });
  const indexByDay = new Map(rows.map((r) => [r.day, r.index]));
  return {
    key: dyad.key,
    label: `${dyadLabel(dyad)}, method ${method.version}`,
    version: method.version,
    released: release.released,
    points: sampledDays(from, end, granularity).map((day) => ({ day: fromDay(day), index: indexByDay.get(day) ?? 0 })),
  };
}

/** The first day any of the dyads has data (its rollup's first row), for an "all" range. */
export function dataStart(input: { db: Db; keys: string[] }, answers = indexAnswers): Promise<number | null> {
  return answers.answer("dataStart", input, readDataStart);
}

async function readDataStart({ db, keys }: { db: Db; keys: string[] }): Promise<number | null> {
  const dyads = await dyadsByKey(db, keys);
  const [row] = await db.$queryRaw<{ first: Date | null }[]>`
    SELECT min(first) AS first FROM (
      SELECT (SELECT min(day) FROM "DyadDay" r WHERE r."dyadId" = d.id) AS first FROM "Dyad" d WHERE d.id = ANY(${dyads.map((d) => d.id)})
    ) firsts`;
  return row?.first ? toDay(row.first) : null;
}

/** Events older than this many half-lives weigh under 2^-20 of their score: left out of drivers. */
const DRIVER_HORIZON_DAYS = 20 * METHOD.halfLifeDays;

/** What the drivers table shows of each driving event, and whether an auto-accept rule published it. */
const driverEventSelect = {
  id: true,
  title: true,
  date: true,
  datePrecision: true,
  placementDate: true,
  score: true,
  cameoCode: true,
  actorCode: true,
  targetCode: true,
  candidates: { where: { status: "ACCEPTED", automated: true }, select: { id: true }, take: 1 },
} satisfies Prisma.EventSelect;

/**
 * What moves a dyad's index as of a day: top events, conditions in force, the 30-day change split.
 * The same for every reader, so kept like the index's answers (not read ahead: see driverAnswers);
 * a condition's edit that moves no number (its title, a linked event) is announced as well.
 */
export function dyadDrivers(input: Parameters<typeof readDrivers>[0], answers = driverAnswers) {
  return answers.answer("drivers", input, readDrivers);
}

async function readDrivers(input: { db: Db; now: number; key: string; asOf?: number; withRange?: boolean }) {
  const { db, now, key, withRange = true } = input;
  const asOf = input.asOf ?? now;
  const [dyad] = await dyadsByKey(db, [key]);
  if (!dyad) throw new AppError("NOT_FOUND", said("dyadsNotRecorded", { dyads: key }));
  // The method weighs every event of the horizon (~1,200 for a busy dyad) by its day and score
  // alone; the table shows six. Reading whole rows for all of them, with Prisma making a Date of
  // each, made this the dyad page's costliest call: weigh the slim rows, then fetch the six.
  const [indexEvents, conditions, conditionRows] = await Promise.all([
    db.$queryRaw<IndexEvent[]>`
      SELECT id, ("placementDate" - DATE '1970-01-01') AS day, score FROM "Event"
      WHERE "dyadId" = ${dyad.id} AND "archivedAt" IS NULL
        AND "placementDate" >= ${dateOfDay(asOf - DRIVER_HORIZON_DAYS)}::date AND "placementDate" <= ${dateOfDay(asOf)}::date`,
    liveConditions(db, dyad.id),
    db.condition.findMany({
      where: { dyadId: dyad.id, archivedAt: null },
      select: {
        id: true,
        title: true,
        kind: true,
        points: true,
        holderCode: true,
        startDate: true,
        startPrecision: true,
        endDate: true,
        endPrecision: true,
        // The latest linked event, for "still in force? check".
        events: { where: { event: { archivedAt: null } }, select: { event: { select: { date: true } } }, orderBy: { event: { date: "desc" } }, take: 1 },
      },
    }),
  ]);
  const drivers = topDrivers({ events: indexEvents, conditions, today: asOf });
  const breakdown = changeBreakdown({ events: indexEvents, conditions, today: asOf });
  const shown = await db.event.findMany({ where: { id: { in: [...drivers.positive, ...drivers.negative].map((d) => d.id) } }, select: driverEventSelect });
  const eventById = new Map(shown.map((e) => [e.id, e]));
  const conditionById = new Map(conditionRows.map((c) => [c.id, c]));
  // An event archived between the two reads is left out of the table rather than failing the page.
  const withEvent = (d: (typeof drivers.positive)[number]) => {
    const found = eventById.get(d.id);
    if (!found) return [];
    const { candidates, ...e } = found;
    // Published by a dyad's auto-accept rule, without a reviewer: the drivers table says so.
    const range = withRange ? contributionRange(d.score, asOf - d.day) : { low: d.contribution, high: d.contribution };
    return [{ ...d, range, event: { ...e, automated: candidates.length > 0 } }];
  };
  return {
    key: dyad.key,
    label: dyadLabel(dyad),
    asOf: fromDay(asOf),
    pulse: drivers.pulse,
    ledger: drivers.ledger,
    positive: drivers.positive.flatMap(withEvent),
    negative: drivers.negative.flatMap(withEvent),
    conditionsInForce: drivers.conditionsInForce.flatMap((c) => {
      const found = conditionById.get(c.id);
      if (!found) return [];
      const { events: linked, ...row } = found;
      const lastLinked = linked[0]?.event.date;
      const condition = { startDay: toDay(row.startDate), endDay: row.endDate ? toDay(row.endDate) : null, lastLinkedEventDay: lastLinked ? toDay(lastLinked) : null };
      // Judged on the real today, whatever day the drivers are read for: it asks an admin to look now.
      return [{ ...row, checkStillInForce: wantsStillInForceCheck(condition, now) }];
    }),
    breakdown,
  };
}

/**
 * The largest events of a range, as chart markers: the days with the largest |S(t)| from the
 * rollup, then the largest event of each of those days (two index lookups, no scan of the range).
 */
async function readKeyEvents(input: { db: Db; now: number; keys: string[]; from: number; to: number; limit?: number }) {
  const { db, now, from, to, limit = 40 } = input;
  const dyads = await dyadsByKey(db, input.keys);
  const ids = dyads.map((d) => d.id);
  const days = await db.$queryRaw<{ dyadId: string; day: Date }[]>`
    SELECT "dyadId", day FROM "DyadDay"
    WHERE "dyadId" = ANY(${ids}) AND day >= ${fromDay(from)}::date AND day <= ${fromDay(to)}::date AND "eventCount" > 0
    ORDER BY abs("eventSum") DESC, day DESC
    LIMIT ${limit}`;
  if (days.length === 0) return [];
  const events = await db.$queryRaw<{ id: string; dyadKey: string; title: string; date: Date; datePrecision: DatePrecision; placementDate: Date; score: number }[]>`
    SELECT DISTINCT ON (e."dyadId", e."placementDate") e.id, d.key AS "dyadKey", e.title, e.date, e."datePrecision", e."placementDate", e.score
    FROM "Event" e JOIN "Dyad" d ON d.id = e."dyadId"
    JOIN unnest(${days.map((d) => d.dyadId)}::text[], ${days.map((d) => fromDay(toDay(d.day)))}::date[]) AS k("dyadId", day)
      ON e."dyadId" = k."dyadId" AND e."placementDate" = k.day
    WHERE e."archivedAt" IS NULL
    ORDER BY e."dyadId", e."placementDate", abs(e.score) DESC, e.id`;
  // Days as "YYYY-MM-DD" strings, as the series' points: the answer stays plain JSON (plain-json.ts).
  return events
    .map(({ date, placementDate, ...e }) => ({
      ...e,
      date: fromDay(toDay(date)),
      day: fromDay(toDay(placementDate)),
      contributionToday: e.score * Math.pow(2, -(now - toDay(placementDate)) / METHOD.halfLifeDays),
    }))
    .sort((x, y) => Math.abs(y.score) - Math.abs(x.score));
}
/**
 * Events per dyad placed within a range, summed from the rollup's daily counts (never a scan of
 * raw events), so the map's arcs cost one indexed range read per dyad at any volume.
 */
export function eventVolumes(input: Parameters<typeof readVolumes>[0], answers = indexAnswers) {
  return answers.answer("volumes", input, readVolumes);
}

async function readVolumes(input: { db: Db; now: number; keys?: string[]; from: number; to: number }) {
  const { db, now, from, to } = input;
  await ensureRollupsCurrent({ db, today: now });
  const dyads = await dyadsByKey(db, input.keys);
  const rows = await db.$queryRaw<{ dyadId: string; events: number }[]>`
    SELECT "dyadId", sum("eventCount")::int AS events FROM "DyadDay"
    WHERE "dyadId" = ANY(${dyads.map((d) => d.id)}) AND day >= ${fromDay(from)}::date AND day <= ${fromDay(to)}::date
    GROUP BY "dyadId"`;
  const countOf = new Map(rows.map((r) => [r.dyadId, r.events]));
  return dyads.map((d) => ({ key: d.key, eventCount: countOf.get(d.id) ?? 0 }));
}

/** The tracked dyads with their countries and label, for filter bars and pickers. */
export async function listTrackedDyads({ db }: { db: Db }) {
  const dyads = await dyadsByKey(db, undefined);
  return dyads.map(({ key, a, b, ...dyad }) => ({ key, a, b, label: dyadLabel({ ...dyad, a, b }) }));
}

/**
 * How each tracked dyad's value today moves when each method parameter alone moves by ±25 %
 * (/methodology), computed from the core over the events of the last 900 days and the conditions.
 */
export async function dyadSensitivity({ db, now }: { db: Db; now: number }) {
  const dyads = await dyadsByKey(db, undefined);
  const from = now - plausibleHorizonDays();
  return Promise.all(
    dyads.map(async (dyad) => {
      const [cells, conditions] = await Promise.all([dayCells(db, dyad.id, from, now), liveConditions(db, dyad.id)]);
      return { key: dyad.key, label: dyadLabel(dyad), asOf: fromDay(now), ...sensitivityOf({ cells, conditions, today: now }) };
    }),
  );
}

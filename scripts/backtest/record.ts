// The seeded record (prisma/seed/data: history, article and the 2024–2026 record) as the pure
// core's inputs, per dyad, without a database: the same events and conditions `npm run db:seed`
// writes, scored and placed as the write pipeline does.
import {
  articleConditions,
  articleEvents,
  historyConditions,
  historyEvents,
  recordConditions,
  recordEvents,
  trackedDyads,
  type SeedEvent,
} from "../../prisma/seed/data";
import { placementDay } from "../../server/method/day";
import { eventScore } from "../../server/method/goldstein";
import type { IndexCondition } from "../../server/method/index-math";
import type { Method } from "../../server/method/params";
import { EMPTY_CARRY, rollForward, type DayTotals } from "../../server/method/rollup-math";

export interface RecordEvent {
  day: number;
  event: SeedEvent;
}

export interface DyadRecord {
  key: string;
  events: RecordEvent[];
  conditions: IndexCondition[];
}

/** The seed's dyad key: the two codes in alphabetical order. */
const dyadKey = (a: string, b: string) => [a, b].sort().join("-");

/** Every tracked dyad's seeded events (placed) and conditions. */
export function seededRecord(): DyadRecord[] {
  const events = [...historyEvents, ...articleEvents, ...recordEvents];
  const conditions = [...historyConditions, ...articleConditions, ...recordConditions];
  return trackedDyads.map((key) => ({
    key,
    events: events
      .filter((e) => dyadKey(e.actor, e.target) === key)
      .map((event) => ({ day: placementDay(event.date, event.datePrecision), event })),
    conditions: conditions
      .filter((c) => c.dyad === key)
      .map((c) => ({
        id: c.externalId,
        kind: c.kind,
        points: c.points,
        startDay: placementDay(c.startDate, c.startPrecision),
        endDay: c.endDate ? placementDay(c.endDate, c.endPrecision ?? "DAY") : null,
      })),
  }));
}

/** I(t) of a dyad under a method, from its first data to `toDay` (0 before it), as the rollup computes it. */
export function indexSeries(record: DyadRecord, method: Method, toDay: number): (day: number) => number {
  const totals = new Map<number, DayTotals>();
  for (const { day, event } of record.events) {
    const { s } = eventScore(event, method);
    const t = totals.get(day) ?? { sum: 0, count: 0 };
    totals.set(day, { sum: t.sum + s, count: t.count + 1 });
  }
  const starts = [...totals.keys(), ...record.conditions.map((c) => c.startDay)];
  if (starts.length === 0) return () => 0;
  const dataStartDay = Math.min(...starts);
  const rows = rollForward({ carry: EMPTY_CARRY, totals, conditions: record.conditions, dataStartDay, fromDay: dataStartDay, toDay, method });
  const byDay = new Map(rows.map((r) => [r.day, r.index]));
  return (day) => byDay.get(day) ?? 0;
}

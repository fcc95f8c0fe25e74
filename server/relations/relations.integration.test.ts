// The relations index on the seeded history and the article's events, through the API, and
// the rollup against a from-scratch recomputation after a random series of writes.
import { describe, expect, it } from "vitest";
import { TEST_READER, useTestDatabase } from "@/scripts/test/database";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";
import { fromDay, toDay } from "../method/day";
import { summarize } from "../../test/support/index-reference";
import { topDrivers, type IndexCondition, type IndexEvent } from "../method/index-math";
import { dayCells, ensureRollupsCurrent, forgetRollupCheck, liveConditions, rebuildRollups, refreshRollup } from "./rollup";
import { METHOD, previousRelease } from "../method/params";
import { plausibleEventsFrom, plausibleRanges } from "../method/plausible";
import { dyadDrivers, dyadSeries, dyadSummaries } from "./service";

describe("relations index on the seeded data", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const api = createCaller(createContextInner({ db, user: TEST_READER }));
  const valueOn = async (dyad: string, day: string) => (await api.relations.summary({ dyads: [dyad], asOf: day }))[0]?.value ?? NaN;

  it("France–Morocco rises through the second half of 2024 and ends June 2025 above June 2024", async () => {
    const june2024 = await valueOn("FRA-MAR", "2024-06-30");
    const sept2024 = await valueOn("FRA-MAR", "2024-09-30");
    const dec2024 = await valueOn("FRA-MAR", "2024-12-31");
    const june2025 = await valueOn("FRA-MAR", "2025-06-30");
    expect(sept2024).toBeGreaterThan(june2024);
    expect(dec2024).toBeGreaterThan(june2024);
    expect(june2025).toBeGreaterThan(june2024);
  });

  it("France–Algeria falls after 15 April 2025 and ends below France–Morocco", async () => {
    const before = await valueOn("DZA-FRA", "2025-04-14");
    const after = await valueOn("DZA-FRA", "2025-04-16");
    expect(after).toBeLessThan(before);
    expect(await valueOn("DZA-FRA", "2025-06-30")).toBeLessThan(await valueOn("FRA-MAR", "2025-06-30"));
  });

  it("Morocco–Algeria stays tense or worse from September 2021, also through long quiet stretches", async () => {
    const { dyads } = await api.relations.series({ dyads: ["MAR-DZA"], from: "2021-09-01", to: "2025-06-30", granularity: "weekly" });
    const points = dyads[0]?.points ?? [];
    expect(points.length).toBeGreaterThan(190);
    expect(Math.max(...points.map((p) => p.index))).toBeLessThanOrEqual(-20);
    const [summary] = await api.relations.summary({ dyads: ["DZA-MAR"], asOf: "2025-06-30" });
    expect(["tense", "crisis"]).toContain(summary?.band);
  });

  it("says how far each value rests on recent events, counting them from the rollup as the raw events do", async () => {
    const [active] = await api.relations.summary({ dyads: ["DZA-FRA"], asOf: "2026-02-28" });
    const placed = await db.event.count({
      where: { dyad: { key: "DZA-FRA" }, archivedAt: null, placementDate: { gte: new Date("2025-11-30"), lte: new Date("2026-02-28") } },
    });
    expect(active?.coverage).toMatchObject({ windowDays: 90, eventsInWindow: placed, daysSinceLastEvent: 11, stale: false });
    expect(placed).toBe(3); // 3 Dec 2025, 27 Jan and 17 Feb 2026
    expect((active?.coverage.conditionsShare ?? 0) + (active?.coverage.eventsShare ?? 0)).toBeCloseTo(1);

    // Nine months after the record's last event, every value is its standing conditions only.
    const later = await api.relations.summary({ asOf: "2026-11-29" });
    for (const summary of later) {
      expect(summary.coverage, summary.key).toMatchObject({ eventsInWindow: 0, stale: true });
      expect(summary.coverage.conditionsShare, summary.key).toBeGreaterThan(0.99);
    }
  });

  it("shows the end of a standing condition as a step", async () => {
    // France's halving of visas for Algerians ended on 18 December 2022 (−5 points lifted).
    const { dyads } = await api.relations.series({ dyads: ["DZA-FRA"], from: "2022-12-16", to: "2022-12-20" });
    const ledger = Object.fromEntries((dyads[0]?.points ?? []).map((p) => [p.day, p.ledger]));
    expect((ledger["2022-12-18"] ?? NaN) - (ledger["2022-12-17"] ?? NaN)).toBe(5);
  });

  it("marks a chart's largest events, and leaves them out of sparklines that do not show them", async () => {
    const range = { dyads: ["FRA-MAR"], from: "2024-06-01", to: "2025-06-30" };
    const withMarkers = await api.relations.series(range);
    const largest = await db.event.findFirstOrThrow({ where: { cameoCode: "054" } });
    // Its days as "YYYY-MM-DD", as the points': the answer is plain JSON for the wire (server/shared/plain-json.ts).
    const isoDay = (date: Date) => date.toISOString().slice(0, 10);
    expect(withMarkers.markers.find((m) => m.id === largest.id)).toMatchObject({ title: largest.title, date: isoDay(largest.date), day: isoDay(largest.placementDate) });
    expect((await api.relations.series({ ...range, markers: false })).markers).toEqual([]);
  });

  it("names the conditions in force beside the top events", async () => {
    const drivers = await api.relations.drivers({ dyad: "DZA-MAR", asOf: "2024-06-30" });
    expect(drivers.conditionsInForce.map((c) => c.kind)).toEqual(expect.arrayContaining(["RELATIONS_SEVERED", "AIRSPACE_CLOSED"]));
    const fraMar = await api.relations.drivers({ dyad: "FRA-MAR", asOf: "2025-06-30" });
    expect(fraMar.positive[0]?.event.title).toBeTruthy();
    expect(fraMar.positive[0]?.contribution).toBeGreaterThan(0);
    const parts = fraMar.breakdown.index;
    expect(parts.newEvents + parts.olderDecay + parts.conditionsBegan + parts.conditionsEnded).toBeCloseTo(parts.total, 9);
  });

  it("names as drivers the events the core weighs largest from every raw event, each with its own row", async () => {
    const asOf = "2025-06-30";
    const drivers = await api.relations.drivers({ dyad: "FRA-MAR", asOf });
    const dyad = await db.dyad.findUniqueOrThrow({ where: { key: "FRA-MAR" } });
    const rows = await db.event.findMany({ where: { dyadId: dyad.id, archivedAt: null }, select: { id: true, title: true, placementDate: true, score: true } });
    // Drivers look back 20 half-lives: older events weigh under 2^-20 of their score.
    const horizon = toDay(asOf) - 20 * METHOD.halfLifeDays;
    const weighed = rows.map((e) => ({ id: e.id, day: toDay(e.placementDate), score: e.score })).filter((e) => e.day >= horizon);
    const core = topDrivers({ events: weighed, conditions: await liveConditions(db, dyad.id), today: toDay(asOf) });
    expect(drivers.positive.map((d) => d.id)).toEqual(core.positive.map((d) => d.id));
    expect(drivers.negative.map((d) => d.id)).toEqual(core.negative.map((d) => d.id));
    expect(drivers.positive.length + drivers.negative.length).toBeGreaterThan(1);
    expect(drivers.pulse).toBeCloseTo(core.pulse, 9);
    for (const d of [...drivers.positive, ...drivers.negative]) {
      const row = rows.find((r) => r.id === d.id);
      expect(d.event).toMatchObject({ id: d.id, title: row?.title, score: d.score });
      expect(d.day).toBe(toDay(d.event.placementDate));
    }
  });

  it("gives every value a plausible range that holds it, as the core computes it from the raw events", async () => {
    const asOf = "2025-06-30";
    const [summary] = await api.relations.summary({ dyads: ["DZA-FRA"], asOf });
    const value = summary?.value ?? NaN;
    const plausible = summary?.plausible;
    expect(plausible?.low).toBeLessThan(value);
    expect(plausible?.high).toBeGreaterThan(value);

    const dyad = await db.dyad.findUniqueOrThrow({ where: { key: "DZA-FRA" } });
    const day = toDay(asOf);
    const cells = await dayCells(db, dyad.id, plausibleEventsFrom(day), day);
    const [core] = plausibleRanges({ cells, conditions: await liveConditions(db, dyad.id), fromDay: day, toDay: day });
    expect(plausible?.low).toBeCloseTo(Math.min(core?.low ?? NaN, value), 9);
    expect(plausible?.high).toBeCloseTo(Math.max(core?.high ?? NaN, value), 9);

    const { dyads } = await api.relations.series({ dyads: ["DZA-FRA", "FRA-MAR"], from: "2024-01-01", to: asOf });
    for (const point of dyads.flatMap((d) => d.points)) {
      expect(point.low).toBeLessThanOrEqual(point.index);
      expect(point.high).toBeGreaterThanOrEqual(point.index);
    }

    const drivers = await api.relations.drivers({ dyad: "FRA-MAR", asOf });
    expect(drivers.positive.length).toBeGreaterThan(0);
    for (const d of [...drivers.positive, ...drivers.negative]) {
      expect(d.range.low).toBeLessThan(d.contribution);
      expect(d.range.high).toBeGreaterThan(d.contribution);
    }
  });

  it("reads the same values without the range when asked (the benchmark's baseline arm)", async () => {
    const day = toDay("2025-06-30");
    const common = { db, now: day, keys: ["DZA-FRA"] };
    const [withRange, without] = await Promise.all([dyadSummaries(common), dyadSummaries({ ...common, withRange: false })]);
    expect(without[0]?.value).toBe(withRange[0]?.value);
    expect(withRange[0]?.plausible).not.toBeNull();
    expect(without[0]?.plausible).toBeNull();
    const [series] = await dyadSeries({ ...common, from: day - 30, to: day, granularity: "daily", withRange: false });
    expect(series?.points.every((p) => p.low === p.index && p.high === p.index)).toBe(true);
    const drivers = await dyadDrivers({ db, now: day, key: "FRA-MAR", withRange: false });
    expect(drivers.positive.every((d) => d.range.low === d.contribution && d.range.high === d.contribution)).toBe(true);
  });

  it("says how each tracked dyad's value today moves with each parameter, computed from the core", async () => {
    const [sensitivity, summaries] = await Promise.all([api.relations.sensitivity(), api.relations.summary()]);
    expect(sensitivity.map((s) => s.key)).toEqual(summaries.map((s) => s.key));
    for (const s of sensitivity) {
      // The core reads 900 days of events; older ones weigh under a millionth of their score.
      expect(s.value, s.key).toBeCloseTo(summaries.find((x) => x.key === s.key)?.value ?? NaN, 4);
      expect(s.bars).toHaveLength(19);
      expect(s.bars[0]?.swing, s.key).toBeGreaterThan(0);
    }
    const severed = sensitivity.find((s) => s.key === "DZA-MAR")?.bars.find((b) => b.parameter.kind === "conditionPoints" && b.parameter.key === "RELATIONS_SEVERED");
    expect(severed?.swing).toBeGreaterThan(0);
  });

  it("refuses unknown dyads and malformed input with a reason", async () => {
    await expect(api.relations.summary({ dyads: ["FRA-XXX"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.relations.series({ dyads: ["FRA-MAR"], from: "2025-01-01", to: "2024-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.relations.series({ dyads: ["FRA-MAR"], from: "1990-01-01", to: "2025-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.relations.drivers({ dyad: "FRA-FRA" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("rollup kept current by writes", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const today = toDay("2025-06-30");

  async function fromScratch(dyadId: string) {
    const events = await db.event.findMany({ where: { dyadId }, select: { id: true, placementDate: true, score: true, archivedAt: true } });
    const indexEvents: IndexEvent[] = events.map((e) => ({ id: e.id, day: toDay(e.placementDate), score: e.score, archived: e.archivedAt !== null }));
    const conditions: IndexCondition[] = await liveConditions(db, dyadId);
    return summarize({ events: indexEvents, conditions, today });
  }

  it("matches a from-scratch recomputation after a random series of creates, edits, archives and restores", async () => {
    await rebuildRollups({ db, today });
    forgetRollupCheck();
    const dyads = await db.dyad.findMany({ select: { id: true, key: true } });
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;

    for (let step = 0; step < 40; step++) {
      const dyad = pick(dyads);
      const [actor, target] = dyad.key.split("-") as [string, string];
      const existing = await db.event.findMany({ where: { dyadId: dyad.id }, select: { id: true, placementDate: true, archivedAt: true } });
      const action = existing.length === 0 ? "create" : pick(["create", "create", "edit", "archive", "restore"] as const);
      await db.$transaction(async (tx) => {
        const day = toDay("2021-01-01") + Math.floor(random() * (today - toDay("2021-01-01")));
        if (action === "create") {
          await tx.event.create({
            data: {
              title: `random ${step}`, date: new Date(fromDay(day)), placementDate: new Date(fromDay(day)), dyadId: dyad.id,
              actorCode: actor, targetCode: target, cameoCode: "042", level: "MINISTER", verification: "CONFIRMED",
              score: Math.round((random() * 20 - 10) * 100) / 100, methodVersion: "1.0.0",
            },
          });
          await refreshRollup({ db: tx, dyadId: dyad.id, changedDay: day, today });
        } else {
          const event = pick(existing);
          const oldDay = toDay(event.placementDate);
          if (action === "edit") {
            await tx.event.update({ where: { id: event.id }, data: { placementDate: new Date(fromDay(day)), score: random() * 10 - 5 } });
          } else {
            await tx.event.update({ where: { id: event.id }, data: { archivedAt: action === "archive" ? new Date() : null } });
          }
          await refreshRollup({ db: tx, dyadId: dyad.id, changedDay: Math.min(oldDay, day), today });
        }
      });
    }

    const api = createCaller(createContextInner({ db, user: TEST_READER }));
    const ranges = () => db.dyadDay.findMany({ select: { dyadId: true, day: true, plausibleLow: true, plausibleHigh: true }, orderBy: [{ dyadId: "asc" }, { day: "asc" }] });
    const afterWrites = await ranges();
    expect(afterWrites.every((r) => r.plausibleLow !== null && r.plausibleHigh !== null)).toBe(true);
    for (const dyad of dyads) {
      const [viaRollup] = await api.relations.summary({ dyads: [dyad.key], asOf: fromDay(today) });
      const expected = await fromScratch(dyad.id);
      expect(viaRollup?.value).toBeCloseTo(expected.value, 6);
      expect(viaRollup?.change30).toBeCloseTo(expected.change30, 6);
      expect(viaRollup?.change90).toBeCloseTo(expected.change90, 6);
      expect(viaRollup?.trend.pointsPer30Days).toBeCloseTo(expected.trend.pointsPer30Days, 6);
      expect(viaRollup?.unusualChange).toBe(expected.unusualChange);
    }
    // Each day's plausible range, refreshed write by write, is what a rebuild computes.
    await rebuildRollups({ db, today });
    expect(await ranges()).toEqual(afterWrites);
  });
});

describe("plausible ranges of rows written before they existed", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const today = toDay("2025-06-30");

  it("are filled in by the next daily check, as a rebuild computes them", async () => {
    await rebuildRollups({ db, today });
    const ranges = () => db.dyadDay.findMany({ select: { dyadId: true, day: true, plausibleLow: true, plausibleHigh: true }, orderBy: [{ dyadId: "asc" }, { day: "asc" }] });
    const rebuilt = await ranges();
    await db.dyadDay.updateMany({ data: { plausibleLow: null, plausibleHigh: null } });
    forgetRollupCheck();
    await ensureRollupsCurrent({ db, today });
    expect(await ranges()).toEqual(rebuilt);
  });
});

describe("method versions in the rollup", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const api = createCaller(createContextInner({ db, user: TEST_READER }));
  const today = toDay(new Date());
  const range = { from: "2021-08-01", to: fromDay(today), granularity: "daily" as const };
  const previous = previousRelease(METHOD.version);
  const versionsStored = async () => (await db.$queryRaw<{ v: string }[]>`SELECT DISTINCT "methodVersion" AS v FROM "DyadDay"`).map((r) => r.v);

  it("computes the previous version's line from the inputs as a rebuild under it stores it", async () => {
    expect(previous).toBeDefined();
    const version = previous?.method.version ?? "";
    await rebuildRollups({ db, today, method: previous?.method });
    expect(await versionsStored()).toEqual([version]);
    // Read straight from the table: a read through the API would first bring it to the current version.
    const stored = await db.$queryRaw<{ day: Date; index: number }[]>`
      SELECT r.day, r.index FROM "DyadDay" r JOIN "Dyad" d ON d.id = r."dyadId" WHERE d.key = 'DZA-MAR' AND r.day >= ${range.from}::date ORDER BY r.day`;
    const overlay = await api.relations.seriesUnder({ dyad: "DZA-MAR", version, ...range });
    expect(overlay).toMatchObject({ key: "DZA-MAR", version, released: previous?.released });
    const byDay = new Map(overlay.points.map((p) => [p.day, p.index]));
    expect(stored.length).toBeGreaterThan(1500);
    for (const row of stored) expect(byDay.get(fromDay(toDay(row.day))), fromDay(toDay(row.day))).toBeCloseTo(row.index, 9);
  });

  it("rebuilds rows of another version on the next read, so the table holds the current version only", async () => {
    forgetRollupCheck();
    const [summary] = await api.relations.summary({ dyads: ["DZA-MAR"] });
    expect(summary?.methodVersion).toBe(METHOD.version);
    expect(await versionsStored()).toEqual([METHOD.version]);
    const stored = await api.relations.series({ dyads: ["DZA-MAR"], ...range, markers: false });
    const recomputed = await api.relations.seriesUnder({ dyad: "DZA-MAR", version: METHOD.version, ...range });
    recomputed.points.forEach((p, i) => expect(p.index, p.day).toBeCloseTo(stored.dyads[0]?.points[i]?.index ?? NaN, 9));
    // The two versions differ where the issue saw saturation: Algeria–Morocco under its conditions.
    const before = await api.relations.seriesUnder({ dyad: "DZA-MAR", version: previous?.method.version ?? "", ...range });
    expect(before.points.at(-1)?.index).toBeLessThan(-99);
    expect(recomputed.points.at(-1)?.index).toBeGreaterThan(-95);
  });

  it("refuses a version never published and malformed input with a reason", async () => {
    await expect(api.relations.seriesUnder({ dyad: "DZA-MAR", version: "0.1.0", ...range })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.relations.seriesUnder({ dyad: "DZA-MAR", version: "", ...range })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.relations.seriesUnder({ dyad: "DZA-MAR", version: METHOD.version, from: "2025-01-01", to: "2024-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

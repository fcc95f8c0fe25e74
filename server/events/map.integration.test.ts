// The map's API on the seeded database: events.forMap, relations.volume and geo.countries.
import { describe, expect, it } from "vitest";
import { TEST_READER, useTestDatabase } from "@/scripts/test/database";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";
import { unpackMapEvents } from "./map-wire";
import { MAX_MAP_EVENTS } from "./schemas";

describe("map API", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const caller = createCaller(createContextInner({ db, user: TEST_READER }));
  // The map reads the packed events as the browser does.
  const api = {
    events: {
      forMap: async (input: Parameters<typeof caller.events.forMap>[0]) => {
        const answer = await caller.events.forMap(input);
        return { ...answer, events: unpackMapEvents(answer.events) };
      },
    },
    relations: caller.relations,
    geo: caller.geo,
  };
  const inRange = (from: string, to: string) => ({ archivedAt: null, placementDate: { gte: new Date(from), lte: new Date(to) } });

  it("puts every live event of the tracked dyads in a range on the map, newest first", async () => {
    const result = await api.events.forMap({ from: "2021-01-01", to: "2025-12-31" });
    const expected = await db.event.findMany({
      where: { ...inRange("2021-01-01", "2025-12-31"), dyad: { tracked: true } },
      orderBy: [{ placementDate: "desc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(expected.length).toBeGreaterThan(30);
    expect(result.events.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(result).toMatchObject({ total: expected.length, truncated: false, unplaced: 0 });
    for (const e of result.events) expect(result.typeLabels[e.cameoCode]).toMatch(new RegExp(`^${e.cameoCode} \\S`));
  });

  it("draws an event at its own place, or at its target's capital when the source names none", async () => {
    const { events } = await api.events.forMap({ from: "2021-01-01", to: "2025-12-31" });
    const placed = await db.event.findFirstOrThrow({ where: { placeLat: { not: null } }, select: { id: true, placeName: true, placeLat: true } });
    expect(events.find((e) => e.id === placed.id)).toMatchObject({ name: placed.placeName, lat: placed.placeLat, atCapital: false });
    const unplaced = await db.event.findFirstOrThrow({
      where: { placeLat: null },
      select: { id: true, target: { select: { capitalName: true, capitalLat: true, capitalLon: true } } },
    });
    expect(events.find((e) => e.id === unplaced.id)).toMatchObject({
      name: unplaced.target.capitalName,
      lat: unplaced.target.capitalLat,
      lon: unplaced.target.capitalLon,
      atCapital: true,
    });
  });

  it("follows the dyad and date filters, with dates as the source gives them", async () => {
    const { events, total } = await api.events.forMap({ dyads: ["MAR-FRA"], from: "2024-07-01", to: "2024-12-31" });
    expect(total).toBe(await db.event.count({ where: { ...inRange("2024-07-01", "2024-12-31"), dyad: { key: "FRA-MAR" } } }));
    expect(total).toBeGreaterThan(0);
    expect(events.every((e) => e.dyadKey === "FRA-MAR")).toBe(true);
    expect(events.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date))).toBe(true);
    // "Summer 2024" is placed mid-July: in this range, with its precision kept for display.
    expect(events.some((e) => e.datePrecision === "SEASON")).toBe(true);
    expect((await api.events.forMap({ dyads: ["DZA-MAR"], from: "2024-07-01", to: "2024-12-31" })).events.every((e) => e.dyadKey === "DZA-MAR")).toBe(true);
  });

  it("leaves archived events out", async () => {
    const range = { from: "2021-01-01", to: "2025-12-31" };
    const before = await api.events.forMap(range);
    const first = before.events[0];
    if (!first) throw new Error("no event in range");
    await db.event.update({ where: { id: first.id }, data: { archivedAt: new Date() } });
    try {
      const after = await api.events.forMap(range);
      expect(after.total).toBe(before.total - 1);
      expect(after.events.some((e) => e.id === first.id)).toBe(false);
    } finally {
      await db.event.update({ where: { id: first.id }, data: { archivedAt: null } });
    }
  });

  it(`caps a response at ${MAX_MAP_EVENTS.toLocaleString("en")} events (newest kept) and says how many there are`, async () => {
    const small = await api.events.forMap({ from: "2021-01-01", to: "2025-12-31", limit: 3 });
    expect(small.events).toHaveLength(3);
    expect(small.truncated).toBe(true);
    expect(small.total).toBeGreaterThan(3);

    // 10,005 events in 2031 (after the seed, so nothing else is in that range), then the default cap.
    const dyad = await db.dyad.findUniqueOrThrow({ where: { key: "FRA-MAR" }, select: { id: true } });
    await db.$executeRaw`
      INSERT INTO "Event" (id, title, date, "datePrecision", "placementDate", "dyadId", "actorCode", "targetCode", "cameoCode",
                           level, verification, score, "methodVersion", "updatedAt")
      SELECT 'map-cap-' || i, 'Bulk event ' || i, d, 'DAY', d, ${dyad.id}, 'FRA', 'MAR', '042', 'MINISTER', 'CONFIRMED', 1.2, '1.0.0', now()
      FROM generate_series(1, ${MAX_MAP_EVENTS + 5}) i CROSS JOIN LATERAL (SELECT DATE '2031-01-01' + (i % 365) AS d) days`;
    try {
      const big = await api.events.forMap({ from: "2031-01-01", to: "2031-12-31" });
      expect(big.events).toHaveLength(MAX_MAP_EVENTS);
      expect(big).toMatchObject({ total: MAX_MAP_EVENTS + 5, truncated: true });
      expect(big.events[0]?.date).toBe("2031-12-31");
      expect(big.events.every((e) => e.atCapital && e.name === "Rabat")).toBe(true);
    } finally {
      await db.event.deleteMany({ where: { id: { startsWith: "map-cap-" } } });
    }
  });

  it("gives its slots to events it can draw, and counts the others as unplaced", async () => {
    // A dyad of two countries with no known capital: its events are drawn only where they carry a
    // place. In 2032 (nothing else there): one of them without a place, the newest; one with a
    // place; and an older one of France–Morocco, drawn at Rabat.
    await db.$executeRaw`INSERT INTO "Country" (code, name) VALUES ('ZZX', 'Nowhere land'), ('ZZY', 'Elsewhere')`;
    await db.$executeRaw`INSERT INTO "Dyad" (id, key, "countryA", "countryB") VALUES ('map-dyad', 'ZZX-ZZY', 'ZZX', 'ZZY')`;
    const dyad = await db.dyad.findUniqueOrThrow({ where: { key: "FRA-MAR" }, select: { id: true } });
    await db.$executeRaw`
      INSERT INTO "Event" (id, title, date, "datePrecision", "placementDate", "dyadId", "actorCode", "targetCode", "cameoCode",
                           level, verification, score, "methodVersion", "updatedAt", "placeName", "placeLat", "placeLon")
      VALUES ('map-nowhere', 'Nowhere', DATE '2032-06-03', 'DAY', DATE '2032-06-03', 'map-dyad', 'ZZX', 'ZZY', '042', 'MINISTER', 'CONFIRMED', 1.2, '1.0.0', now(), NULL, NULL, NULL),
             ('map-placed', 'Somewhere', DATE '2032-06-02', 'DAY', DATE '2032-06-02', 'map-dyad', 'ZZY', 'ZZX', '042', 'MINISTER', 'CONFIRMED', 1.2, '1.0.0', now(), 'Tunis', 36.8, 10.18),
             ('map-rabat', 'In Rabat', DATE '2032-06-01', 'DAY', DATE '2032-06-01', ${dyad.id}, 'FRA', 'MAR', '042', 'MINISTER', 'CONFIRMED', 1.2, '1.0.0', now(), NULL, NULL, NULL)`;
    try {
      const first = await api.events.forMap({ from: "2032-01-01", to: "2032-12-31", limit: 1 });
      expect(first.events.map((e) => e.id)).toEqual(["map-placed"]);
      expect(first).toMatchObject({ total: 3, unplaced: 1, truncated: true });
      const all = await api.events.forMap({ from: "2032-01-01", to: "2032-12-31" });
      expect(all.events.map((e) => [e.id, e.name, e.atCapital])).toEqual([
        ["map-placed", "Tunis", false],
        ["map-rabat", "Rabat", true],
      ]);
      expect(all).toMatchObject({ total: 3, unplaced: 1, truncated: false });
      // A range holding only what cannot be drawn still counts it; an empty one counts nothing.
      const undrawable = await api.events.forMap({ from: "2032-06-03", to: "2032-12-31" });
      expect(undrawable).toMatchObject({ events: [], total: 1, unplaced: 1, truncated: false });
      const empty = await api.events.forMap({ from: "2033-01-01", to: "2033-12-31" });
      expect(empty).toMatchObject({ events: [], total: 0, unplaced: 0, truncated: false });
    } finally {
      await db.event.deleteMany({ where: { id: { in: ["map-nowhere", "map-placed", "map-rabat"] } } });
      await db.$executeRaw`DELETE FROM "Dyad" WHERE id = 'map-dyad'`;
      await db.$executeRaw`DELETE FROM "Country" WHERE code IN ('ZZX', 'ZZY')`;
    }
  });

  it("refuses bad input with BAD_REQUEST, and an unknown dyad with NOT_FOUND", async () => {
    const bad = [
      { from: "2025-01-01", to: "2024-01-01" },
      { from: "2025-13-01", to: "2025-12-31" },
      { from: "1990-01-01", to: "2025-01-01" },
      { from: "2024-01-01", to: "2024-12-31", limit: 0 },
      { from: "2024-01-01", to: "2024-12-31", limit: MAX_MAP_EVENTS + 1 },
      { from: "2024-01-01", to: "2024-12-31", limit: 2.5 },
      { from: "2024-01-01", to: "2024-12-31", dyads: ["FRA-FRA"] },
      { from: "2024-01-01", to: "2024-12-31", dyads: Array.from({ length: 51 }, () => "FRA-MAR") },
    ];
    for (const input of bad) {
      await expect(api.events.forMap(input), JSON.stringify(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(api.events.forMap({ from: "2024-01-01", to: "2024-12-31", dyads: ["FRA-XXX"] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("counts each dyad's events in a range from the daily rollup, as the raw events do", async () => {
    for (const [from, to] of [
      ["2021-01-01", "2025-06-30"],
      ["2024-07-01", "2024-12-31"],
    ] as const) {
      const volumes = await api.relations.volume({ from, to });
      expect(volumes.map((v) => v.key).sort()).toEqual(["DZA-FRA", "DZA-MAR", "FRA-MAR"]);
      for (const v of volumes) {
        expect(v.eventCount, `${v.key} ${from}–${to}`).toBe(await db.event.count({ where: { ...inRange(from, to), dyad: { key: v.key } } }));
      }
    }
    expect(await api.relations.volume({ dyads: ["FRA-MAR"], from: "2024-07-01", to: "2024-12-31" })).toHaveLength(1);
    await expect(api.relations.volume({ from: "2025-01-01", to: "2024-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.relations.volume({ dyads: ["FRA-XXX"], from: "2024-01-01", to: "2024-12-31" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives the map each country's status and capital: Western Sahara is disputed", async () => {
    const countries = await api.geo.countries();
    expect(countries.find((c) => c.code === "ESH")).toMatchObject({ status: "DISPUTED_TERRITORY", capitalName: "Laâyoune" });
    expect(countries.find((c) => c.code === "ESH")?.statusNote).toMatch(/Non-self-governing/);
    expect(countries.find((c) => c.code === "FRA")).toMatchObject({ status: "SOVEREIGN_STATE", capitalName: "Paris" });
    expect(Object.keys(countries[0] ?? {}).sort()).toEqual(["capitalLat", "capitalLon", "capitalName", "code", "name", "status", "statusNote"]);
  });
});

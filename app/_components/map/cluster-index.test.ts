import { describe, expect, it } from "vitest";
import { MAP_FRAME, MAP_ZOOM } from "@/server/geo/frame";
import { buildClusterIndex, itemsInView, tone, type MapEvent, type MapItem } from "./cluster-index";

const event = (i: number, lat: number, lon: number, score = 1): MapEvent => ({
  id: `e${i}`,
  title: `Event ${i}`,
  date: "2025-01-01",
  datePrecision: "DAY",
  cameoCode: "042",
  score,
  dyadKey: "FRA-MAR",
  lat,
  lon,
  name: null,
  atCapital: false,
});

const total = (items: MapItem[]) => items.reduce((n, item) => n + (item.kind === "cluster" ? item.count : 1), 0);

describe("clustering", () => {
  // Spread evenly over the frame by the R2 low-discrepancy sequence: no randomness to vary between runs.
  const [w, s, e, n] = MAP_FRAME;
  const frac = (x: number) => x - Math.floor(x);
  const many = Array.from({ length: 10_000 }, (_, i) =>
    event(i, s + frac(0.5 + i * 0.7548776662) * (n - s), w + frac(0.5 + i * 0.5698402910) * (e - w), ((i * 7) % 21) - 10),
  );
  const index = buildClusterIndex(many);

  it("draws 10,000 events as a few hundred markers over the whole region, losing none", () => {
    const items = itemsInView(index, many, MAP_FRAME, 4);
    expect(items.length).toBeLessThan(400);
    expect(total(items)).toBe(10_000);
  });

  it("splits groups as the map zooms in", () => {
    const box = [-8, 32, -5, 35] as const; // around Rabat
    const inBox = many.filter((x) => x.lon >= -8 && x.lon <= -5 && x.lat >= 32 && x.lat <= 35).length;
    const coarse = itemsInView(index, many, box, 5);
    const fine = itemsInView(index, many, box, 9);
    expect(fine.length).toBeGreaterThan(coarse.length);
    expect(total(fine)).toBe(inBox);
  });

  it("keeps events at one place together even at the highest zoom, with their mean score", () => {
    const atRabat = [1, 2, 3, 4, 5].map((i) => event(i, 34.0209, -6.8416, i === 5 ? -6 : 4));
    const paris = event(6, 48.8566, 2.3522);
    const events = [...atRabat, paris];
    const items = itemsInView(buildClusterIndex(events), events, MAP_FRAME, MAP_ZOOM.max);
    expect(items).toHaveLength(2);
    const rabat = items.find((i) => i.kind === "cluster");
    expect(rabat).toMatchObject({ count: 5, meanScore: 2 });
    expect(items.find((i) => i.kind === "event")).toMatchObject({ event: { id: "e6" } });
  });
});

describe("tone", () => {
  it("reads a score's sign beyond a small dead zone", () => {
    expect([tone(3), tone(-0.8), tone(0.4), tone(0)]).toEqual(["cooperation", "conflict", "neutral", "neutral"]);
  });
});

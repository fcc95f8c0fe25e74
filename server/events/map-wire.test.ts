import { describe, expect, it } from "vitest";
import { packMapEvents, unpackMapEvents, type MapEvent } from "./map-wire";

const event = (i: number, over: Partial<MapEvent> = {}): MapEvent => ({
  id: `e${i}`,
  title: `Event "${i}" — visite à la capitale`,
  date: "2024-07-15",
  datePrecision: "DAY",
  cameoCode: "042",
  score: 1.9,
  dyadKey: "FRA-MAR",
  lat: 34.02,
  lon: -6.84,
  name: "Rabat",
  atCapital: true,
  ...over,
});

describe("map wire", () => {
  it("gives back every event, in order, with its own place and dyad", () => {
    const events = [event(1), event(2, { lat: 36.8, lon: 10.18, name: null, atCapital: false, dyadKey: "FRA-TUN", datePrecision: "SEASON", score: -7 }), event(3)];
    expect(unpackMapEvents(packMapEvents(events))).toEqual(events);
    expect(unpackMapEvents(packMapEvents([]))).toEqual([]);
  });

  it("sends a place shared by many events once, so 10,000 events at a capital stay small", () => {
    const events = Array.from({ length: 10_000 }, (_, i) => event(i));
    const packed = packMapEvents(events);
    expect(packed.split("Rabat").length - 1).toBe(1);
    expect(packed.length).toBeLessThan(JSON.stringify(events).length / 2);
  });
});

import { describe, expect, it } from "vitest";
import { placeOnMap, type Capital, type PlaceFields } from "./place";

const capitals = new Map<string, Capital>([
  ["MAR", { name: "Rabat", lat: 34.0209, lon: -6.8416 }],
  ["FRA", { name: "Paris", lat: 48.8566, lon: 2.3522 }],
  ["XXX", { name: null, lat: null, lon: null }],
]);
const event = (fields: Partial<PlaceFields>): PlaceFields => ({
  placeName: null,
  placeLat: null,
  placeLon: null,
  actorCode: "FRA",
  targetCode: "MAR",
  ...fields,
});

describe("placeOnMap", () => {
  it("keeps an event's own place", () => {
    expect(placeOnMap(event({ placeName: "Marrakech", placeLat: 31.63, placeLon: -8 }), capitals)).toEqual({
      lat: 31.63,
      lon: -8,
      name: "Marrakech",
      atCapital: false,
    });
  });

  it("falls back to the target's capital when the source names no place", () => {
    expect(placeOnMap(event({}), capitals)).toEqual({ lat: 34.0209, lon: -6.8416, name: "Rabat", atCapital: true });
  });

  it("falls back to the actor's capital when the target has none", () => {
    expect(placeOnMap(event({ targetCode: "XXX" }), capitals)).toMatchObject({ name: "Paris", atCapital: true });
    expect(placeOnMap(event({ targetCode: "ZZZ" }), capitals)).toMatchObject({ name: "Paris", atCapital: true });
  });

  it("treats half a coordinate or an impossible one as no place", () => {
    expect(placeOnMap(event({ placeName: "Somewhere", placeLat: 31 }), capitals)).toMatchObject({ name: "Rabat" });
    expect(placeOnMap(event({ placeLat: 95, placeLon: 0 }), capitals)).toMatchObject({ name: "Rabat" });
  });

  it("gives up when neither country has a capital", () => {
    expect(placeOnMap(event({ actorCode: "XXX", targetCode: "ZZZ" }), capitals)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { readMapUrlState, writeMapUrlState } from "./map-url-state";

const today = "2026-11-26";
const read = (query: string) => readMapUrlState(new URLSearchParams(query), today);

describe("readMapUrlState", () => {
  it("defaults to the framed region and the last two years of every tracked dyad", () => {
    expect(read("")).toEqual({ view: null, from: "2024-11-27", to: "2026-11-26", dyads: [] });
  });

  it("reads a viewport, snapping the zoom to quarter steps", () => {
    expect(read("mapLat=34.02&mapLon=-6.84&mapZoom=6.3").view).toEqual({ lat: 34.02, lon: -6.84, zoom: 6.25 });
  });

  it("ignores an incomplete or impossible viewport instead of failing", () => {
    expect(read("mapLat=34&mapLon=-6").view).toBeNull();
    expect(read("mapLat=95&mapLon=-6&mapZoom=5").view).toBeNull();
    expect(read("mapLat=34&mapLon=-6&mapZoom=99").view).toBeNull();
    expect(read("mapLat=abc&mapLon=-6&mapZoom=5").view).toBeNull();
  });

  it("reads a range, puts it in order and caps it at 20 years", () => {
    expect(read("from=2021-01-01&to=2021-12-31")).toMatchObject({ from: "2021-01-01", to: "2021-12-31" });
    expect(read("from=2021-12-31&to=2021-01-01")).toMatchObject({ from: "2021-01-01", to: "2021-12-31" });
    expect(read("from=1950-01-01&to=2025-01-01").from).toBe("2005-01-01");
    expect(read("from=2025-02-30").from).toBe("2024-11-27"); // not a calendar day: the default
    expect(read("to=2025-06-30")).toMatchObject({ from: "2023-07-02", to: "2025-06-30" }); // 730 days, 2024 a leap year
  });

  it("reads dyads in either order, dropping malformed and repeated ones", () => {
    expect(read("dyads=MAR-FRA,fra-dza,FRA-MAR,nonsense,FRA-FRA").dyads).toEqual(["FRA-MAR", "DZA-FRA"]);
  });

  it("accepts the object Next.js gives a page, taking the first of repeated values", () => {
    expect(readMapUrlState({ from: ["2022-01-01", "2023-01-01"], to: "2022-06-30", dyads: undefined }, today)).toMatchObject({
      from: "2022-01-01",
      to: "2022-06-30",
    });
  });
});

describe("writeMapUrlState", () => {
  it("writes the viewport rounded and keeps other parameters", () => {
    const next = writeMapUrlState(new URLSearchParams("sectors=energy"), { view: { lat: 34.020912, lon: -6.84161, zoom: 6 } });
    expect(next.toString()).toBe("sectors=energy&mapLat=34.0209&mapLon=-6.8416&mapZoom=6");
  });

  it("clears the viewport and an empty dyad list", () => {
    const next = writeMapUrlState(new URLSearchParams("mapLat=1&mapLon=2&mapZoom=5&dyads=FRA-MAR"), { view: null, dyads: [] });
    expect(next.toString()).toBe("");
  });

  it("round-trips through readMapUrlState", () => {
    const state = { view: { lat: 30.5, lon: 2.25, zoom: 4.75 }, from: "2022-03-01", to: "2024-02-29", dyads: ["DZA-FRA", "FRA-MAR"] };
    expect(readMapUrlState(writeMapUrlState(new URLSearchParams(), state), today)).toEqual(state);
  });
});

import { describe, expect, it } from "vitest";
import { defaultViewState, migrateViewState, savedViewState, UnknownViewVersion, VIEW_STATE_VERSION } from "./state";
import { dashboardHref, parseViewState, readViewState, viewStateFromSearchParams, viewStateToSearchParams } from "./url";

const full = {
  v: 1,
  dyads: ["FRA-MAR", "DZA-FRA"],
  from: "2024-01-01",
  to: "2025-06-30",
  sectors: ["energy", "rail"],
  statuses: ["SIGNED", "IN_FORCE"],
  q: "port",
  map: { lat: 31.8, lon: -7.1, zoom: 5 },
  panels: ["relations", "agreements"],
} as const;

describe("savedViewState", () => {
  it("fills every field it is not given with its default", () => {
    expect(defaultViewState).toEqual({
      v: VIEW_STATE_VERSION,
      dyads: [],
      from: null,
      to: null,
      sectors: [],
      statuses: [],
      q: "",
      map: null,
      panels: ["relations", "map", "agreements"],
    });
  });

  it("names the field that is wrong, with limits on every list and string", () => {
    const result = savedViewState.safeParse({ ...full, dyads: ["france-morocco"], q: "x".repeat(201), from: "2025-07-01" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toEqual(expect.arrayContaining(["dyads.0", "q"]));
    expect(savedViewState.safeParse({ ...full, dyads: Array(21).fill("FRA-MAR") }).success).toBe(false);
  });

  it("refuses a date range that ends before it starts, on the end date", () => {
    const result = savedViewState.safeParse({ ...full, from: "2025-07-01", to: "2025-06-30" });
    expect(result.error?.issues[0]?.path).toEqual(["to"]);
  });
});

describe("migrateViewState", () => {
  it("opens a version 1 view exactly as it was saved", () => {
    expect(migrateViewState(1, full)).toEqual(full);
  });

  it("opens an early version 1 view that lacks later optional fields, with their defaults", () => {
    expect(migrateViewState(1, { dyads: ["FRA-MAR"], from: "2024-01-01" })).toEqual({ ...defaultViewState, dyads: ["FRA-MAR"], from: "2024-01-01" });
  });

  it("keeps what it can of a damaged view rather than refusing to open it", () => {
    expect(migrateViewState(1, { ...full, statuses: ["NOT_A_STATUS"], map: "nowhere" })).toEqual({ ...full, statuses: [], map: null });
    expect(migrateViewState(1, "not an object")).toEqual(defaultViewState);
  });

  it("says so when a view comes from a version this build does not know", () => {
    expect(() => migrateViewState(VIEW_STATE_VERSION + 1, full)).toThrow(UnknownViewVersion);
    expect(() => migrateViewState(0, full)).toThrow(UnknownViewVersion);
  });
});

describe("the state in the URL", () => {
  it("goes to search params and comes back unchanged", () => {
    const params = viewStateToSearchParams(savedViewState.parse(full));
    expect(params.toString()).toBe(
      "dyads=DZA-FRA%2CFRA-MAR&from=2024-01-01&to=2025-06-30&sectors=energy%2Crail&statuses=IN_FORCE%2CSIGNED&q=port&mapLat=31.8&mapLon=-7.1&mapZoom=5&panels=relations%2Cagreements&v=1",
    );
    expect(viewStateFromSearchParams(params)).toEqual({ ...full, dyads: ["DZA-FRA", "FRA-MAR"], statuses: ["IN_FORCE", "SIGNED"] });
  });

  it("leaves defaults out, so the plain dashboard is just /", () => {
    expect(dashboardHref(defaultViewState)).toBe("/");
    expect(dashboardHref({ ...defaultViewState, dyads: ["FRA-MAR"] }, "v123")).toBe("/?dyads=FRA-MAR&v=1&view=v123");
  });

  it("reads Next.js's searchParams object, ignoring what it cannot parse", () => {
    const state = viewStateFromSearchParams({ dyads: ["FRA-MAR,bogus", "DZA-MAR"], from: "yesterday", to: "2025-01-31", mapLat: "1", mapLon: "2", view: "abc" });
    expect(state).toEqual({ ...defaultViewState, to: "2025-01-31" });
    expect(viewStateFromSearchParams({ dyads: "FRA-MAR", v: "99" }).dyads).toEqual(["FRA-MAR"]);
  });

  it("names what it left out, so the dashboard can say so, and reads the feed's older names too", () => {
    expect(readViewState({ dyads: "FRA-MAR,bogus", from: "2025-01-01", v: "99" })).toEqual({ state: { ...defaultViewState, from: "2025-01-01" }, ignored: ["dyads", "v"] });
    expect(readViewState(new URLSearchParams("dyad=MAR-FRA&status=SIGNED")).state).toMatchObject({ dyads: ["FRA-MAR"], statuses: ["SIGNED"] });
  });

  it("refuses, for the filter bar, what the address would not keep", () => {
    expect(parseViewState(new URLSearchParams("from=2025-02-01&to=2025-01-01"))).toEqual({ ok: false, problems: [{ param: "to", message: "the end date is before the start date" }] });
    expect(parseViewState(new URLSearchParams("dyads=DZA-FRA&panels=relations,map,agreements"))).toEqual({ ok: true, value: { ...defaultViewState, dyads: ["DZA-FRA"] } });
  });
});

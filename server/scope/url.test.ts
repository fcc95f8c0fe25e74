import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dayRangeInOrder, dyadKeys, isoDay, statuses } from "./schemas";
import { parseScope, patchScope, readScope, withoutBlankParams, writeScope } from "./url";

const scope = z
  .object({
    dyads: dyadKeys(10).default([]),
    from: isoDay.optional(),
    to: isoDay.optional(),
    statuses: statuses.default([]),
    q: z.string().max(20).optional(),
    map: z.object({ lat: z.number().min(-90).max(90), lon: z.number(), zoom: z.number() }).optional(),
  })
  .refine(dayRangeInOrder.check, dayRangeInOrder.params);

const query = (text: string) => new URLSearchParams(text);

describe("the scope in an address", () => {
  it("writes one format, in a stable order, and reads it back the same", () => {
    const value = { dyads: ["FRA-MAR", "DZA-FRA"], from: "2024-01-01", to: "2025-06-30", statuses: ["SIGNED" as const], q: "port", map: { lat: 31.8, lon: -7.1, zoom: 5 } };
    const written = writeScope(value).toString();
    expect(written).toBe("dyads=DZA-FRA%2CFRA-MAR&from=2024-01-01&to=2025-06-30&statuses=SIGNED&q=port&mapLat=31.8&mapLon=-7.1&mapZoom=5");
    expect(readScope(scope, query(written))).toEqual({ value: { ...value, dyads: ["DZA-FRA", "FRA-MAR"] }, ignored: [] });
    expect(writeScope({ dyads: [], q: "", from: null }).toString()).toBe("");
  });

  it("still reads the older formats: repeated singular names, repeated plural ones, Next.js's arrays", () => {
    const expected = { dyads: ["FRA-MAR", "DZA-FRA"], statuses: ["SIGNED", "IN_FORCE"] };
    expect(readScope(scope, query("dyad=FRA-MAR&dyad=DZA-FRA&status=SIGNED&status=IN_FORCE")).value).toMatchObject(expected);
    expect(readScope(scope, query("dyads=FRA-MAR&dyads=DZA-FRA&statuses=SIGNED,IN_FORCE")).value).toMatchObject(expected);
    expect(readScope(scope, { dyads: ["FRA-MAR", "DZA-FRA"], status: ["SIGNED", "IN_FORCE"] }).value).toMatchObject(expected);
  });

  it("on a page, falls back to the default of what it cannot read and names it as the address spelled it", () => {
    expect(readScope(scope, query("dyad=france&status=SIGNED&from=2025-02-30&mapLat=1&mapLon=2"))).toEqual({
      value: { dyads: [], statuses: ["SIGNED"] },
      ignored: ["dyad", "from", "mapLat", "mapLon"],
    });
    // A backwards range loses its end, once the days themselves parse; a repeated text takes its first value.
    expect(readScope(scope, query("from=2025-06-01&to=2025-01-01&q=a&q=b"))).toEqual({ value: { dyads: [], statuses: [], from: "2025-06-01", q: "a" }, ignored: ["to"] });
  });

  it("for the API, refuses with a reason per parameter", () => {
    expect(parseScope(scope, query("from=2025-06-01&to=2025-01-01"))).toEqual({ ok: false, problems: [{ param: "to", message: "the end date is before the start date" }] });
    const refused = parseScope(scope, query("status=WITHDRAWN&q=a&q=b"));
    expect(refused.ok || refused.problems.map((p) => p.param).sort()).toEqual(["q", "status"]);
    expect(parseScope(scope, query("dyads=MAR-FRA&token=secret&cursor=x"))).toEqual({ ok: true, value: { dyads: ["FRA-MAR"], statuses: [] } });
  });

  it("keeps a value that holds a comma whole, as repeated parameters", () => {
    const written = writeScope({ sectors: ["oil, gas", "rail"] });
    expect(written.getAll("sector")).toEqual(["oil, gas", "rail"]);
  });

  it("patches some fields and keeps every other parameter", () => {
    const next = patchScope(query("dyad=FRA-MAR&view=abc&mapLat=1&mapLon=2&mapZoom=3"), { dyads: ["DZA-FRA"], map: null });
    expect(next.toString()).toBe("view=abc&dyads=DZA-FRA");
  });

  it("drops the blank fields a GET form sends, and only when there are some", () => {
    expect(withoutBlankParams(query("from=&to=%20&q=security+plan&statuses=SIGNED&statuses=ANTICIPATED&party="))?.toString()).toBe("q=security+plan&statuses=SIGNED&statuses=ANTICIPATED");
    expect(withoutBlankParams(query("q=port&q=&sectors=%20"))?.toString()).toBe("q=port");
    expect(withoutBlankParams(query("from=&to="))?.toString()).toBe("");
    expect(withoutBlankParams(query("q=port&dyads=FRA-MAR"))).toBeNull();
    expect(withoutBlankParams(query(""))).toBeNull();
  });
});

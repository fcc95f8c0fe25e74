import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkDayRange, dateOfDay, dayNumber, dayRangeInOrder, dyadKey, dyadKeys, isoDay, isoDayOf, sectors, statuses } from "./schemas";

const messages = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe("the scope's schemas", () => {
  it("give a dyad one canonical form, whatever order or case it is written in", () => {
    for (const written of ["FRA-MAR", "MAR-FRA", "mar-fra", " Fra-Mar "]) expect(dyadKey.parse(written)).toBe("FRA-MAR");
    expect(messages(dyadKey, "FRA-FRA")).toEqual(["a dyad needs two different countries"]);
    expect(messages(dyadKey, "france")).toEqual(["a dyad is two ISO alpha-3 codes joined by a dash, e.g. FRA-MAR"]);
    expect(dyadKey.safeParse("F".repeat(17)).success).toBe(false);
    expect(dyadKeys(3).parse(["MAR-FRA", "FRA-MAR", "DZA-FRA"])).toEqual(["FRA-MAR", "DZA-FRA"]);
    expect(messages(dyadKeys(2), ["FRA-MAR", "DZA-FRA", "DZA-MAR"])).toEqual(["at most 2 dyads"]);
  });

  it("take an ISO day only when it is a real calendar day, and turn it into a day number at the edge", () => {
    expect(isoDay.parse(" 2024-02-29 ")).toBe("2024-02-29");
    for (const bad of ["2025-02-30", "2025-13-01", "yesterday", "2025-1-1", "0050-01-01"]) {
      expect(messages(isoDay, bad)).toEqual(["use a real date as YYYY-MM-DD"]);
    }
    expect(dayNumber.parse("1970-01-02")).toBe(1);
    expect(isoDayOf(new Date("2025-06-24T23:59:59Z"))).toBe("2025-06-24");
    expect(dateOfDay(1).toISOString()).toBe("1970-01-02T00:00:00.000Z");
  });

  it("check a range of day numbers: in order, on the end date, and at most 20 years", () => {
    const range = z.object({ from: dayNumber, to: dayNumber }).superRefine(checkDayRange);
    expect(range.parse({ from: "2024-01-01", to: "2024-01-02" })).toEqual({ from: 19723, to: 19724 });
    expect(range.safeParse({ from: "2025-01-01", to: "2024-01-01" }).error?.issues).toMatchObject([{ path: ["to"], message: "the end date is before the start date" }]);
    expect(range.safeParse({ from: "1990-01-01", to: "2025-01-01" }).error?.issues).toMatchObject([{ path: ["from"] }]);
  });

  it("check an optional range of ISO days only once both days parse", () => {
    const range = z.object({ from: isoDay.nullable(), to: isoDay.nullable() }).refine(dayRangeInOrder.check, dayRangeInOrder.params);
    expect(range.safeParse({ from: "2025-02-01", to: null }).success).toBe(true);
    expect(range.safeParse({ from: "2025-02-01", to: "2025-01-01" }).error?.issues.map((i) => i.path)).toEqual([["to"]]);
    expect(range.safeParse({ from: "yesterday", to: "2025-01-01" }).error?.issues.map((i) => i.path)).toEqual([["from"]]);
  });

  it("bound and deduplicate statuses and sectors", () => {
    expect(statuses.parse(["SIGNED", "SIGNED"])).toEqual(["SIGNED"]);
    expect(statuses.safeParse(["WITHDRAWN"]).success).toBe(false);
    expect(sectors.parse([" rail ", "rail"])).toEqual(["rail"]);
    expect(sectors.safeParse(["x".repeat(61)]).success).toBe(false);
    expect(sectors.safeParse(Array.from({ length: 21 }, (_, i) => `s${i}`)).success).toBe(false);
    expect(sectors.safeParse(["a\u0000b"]).success).toBe(false);
  });
});

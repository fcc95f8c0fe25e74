import { describe, expect, it } from "vitest";
import { dateOfDay, formatWithPrecision, fromDay, isoDayOf, placementDay, precisionInterval, toDay } from "./day";

const iso = ({ first, last }: { first: number; last: number }) => [fromDay(first), fromDay(last)];

describe("toDay / fromDay", () => {
  it("counts UTC days since 1970-01-01", () => {
    expect(toDay("1970-01-01")).toBe(0);
    expect(toDay("1970-02-01")).toBe(31);
    expect(toDay("2000-03-01")).toBe(11017); // 30 years incl. 7 leap days = 10957, + Jan 31 + Feb 29 = 11017
    expect(toDay(new Date("2025-06-24T23:30:00Z"))).toBe(toDay("2025-06-24"));
    expect(fromDay(toDay("2024-02-29"))).toBe("2024-02-29");
    expect(toDay(20000)).toBe(20000);
  });

  it("gives a @db.Date column its UTC midnight, from a day number or an ISO day, and reads it back", () => {
    expect(dateOfDay("2024-02-29")).toEqual(new Date("2024-02-29T00:00:00.000Z"));
    expect(dateOfDay(toDay("2024-02-29"))).toEqual(new Date("2024-02-29T00:00:00.000Z"));
    expect(isoDayOf(new Date("2025-06-24T00:00:00.000Z"))).toBe("2025-06-24");
    expect(() => dateOfDay("2025-02-30")).toThrow(RangeError);
  });

  it("writes every day of years 0000–9999 as Date does, and the rest through Date", () => {
    const byDate = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
    const days = [-719_528, -719_529, 2_932_896, 2_932_897, -1, 0, 59, 60, 11_016, 11_017, -25_509, 1.5, -3_000_000, 8_000_000];
    for (let n = -40_000; n <= 60_000; n++) days.push(n); // 1860–2134, every day
    for (let n = -719_528; n <= 2_932_896; n += 997) days.push(n); // a day in every three years, 0000–9999
    const differing = days.filter((n) => fromDay(n) !== byDate(n));
    expect(differing).toEqual([]);
    expect(fromDay(-719_528)).toBe("0000-01-01");
    expect(fromDay(2_932_896)).toBe("9999-12-31");
    expect(() => fromDay(Number.NaN)).toThrow(RangeError);
  });

  it("rejects non-dates", () => {
    expect(() => toDay("2025-02-30")).toThrow(RangeError);
    expect(() => toDay("24/06/2025")).toThrow(RangeError);
    expect(() => toDay(new Date("nope"))).toThrow(RangeError);
  });
});

describe("precision", () => {
  it("DAY is the day itself", () => {
    expect(iso(precisionInterval("2025-06-24", "DAY"))).toEqual(["2025-06-24", "2025-06-24"]);
    expect(fromDay(placementDay("2025-06-24", "DAY"))).toBe("2025-06-24");
  });

  it("MONTH: April → 15 April", () => {
    // 30 days: first + floor(29/2) = 1 Apr + 14
    expect(iso(precisionInterval("2025-04-20", "MONTH"))).toEqual(["2025-04-01", "2025-04-30"]);
    expect(fromDay(placementDay("2025-04-01", "MONTH"))).toBe("2025-04-15");
    // February 2024, 29 days: 1 Feb + 14
    expect(fromDay(placementDay("2024-02-10", "MONTH"))).toBe("2024-02-15");
  });

  it("SEASON: summer → 16 July", () => {
    // Jun–Aug = 92 days: 1 Jun + floor(91/2) = 1 Jun + 45
    expect(iso(precisionInterval("2024-08-20", "SEASON"))).toEqual(["2024-06-01", "2024-08-31"]);
    expect(fromDay(placementDay("2024-08-20", "SEASON"))).toBe("2024-07-16");
    expect(iso(precisionInterval("2024-03-01", "SEASON"))).toEqual(["2024-03-01", "2024-05-31"]);
    expect(iso(precisionInterval("2024-11-30", "SEASON"))).toEqual(["2024-09-01", "2024-11-30"]);
  });

  it("SEASON: winter spans the year boundary", () => {
    // Dec 2024–Feb 2025 = 90 days: 1 Dec + floor(89/2) = 1 Dec + 44 = 14 Jan
    for (const d of ["2024-12-05", "2025-01-10", "2025-02-28"]) {
      expect(iso(precisionInterval(d, "SEASON")), d).toEqual(["2024-12-01", "2025-02-28"]);
      expect(fromDay(placementDay(d, "SEASON")), d).toBe("2025-01-14");
    }
    // Dec 2023–Feb 2024 (leap) = 91 days: 1 Dec + 45 = 15 Jan
    expect(fromDay(placementDay("2024-02-29", "SEASON"))).toBe("2024-01-15");
  });

  it("QUARTER: Q2 → 16 May", () => {
    // Apr–Jun = 91 days: 1 Apr + 45
    expect(iso(precisionInterval("2025-05-20", "QUARTER"))).toEqual(["2025-04-01", "2025-06-30"]);
    expect(fromDay(placementDay("2025-05-20", "QUARTER"))).toBe("2025-05-16");
    expect(iso(precisionInterval("2025-12-31", "QUARTER"))).toEqual(["2025-10-01", "2025-12-31"]);
  });

  it("YEAR: 2 July, or 1 July in a leap year", () => {
    // 365 days: 1 Jan + 182 = 2 Jul; 366 days: 1 Jan + 182 = 1 Jul
    expect(iso(precisionInterval("2025-09-09", "YEAR"))).toEqual(["2025-01-01", "2025-12-31"]);
    expect(fromDay(placementDay("2025-09-09", "YEAR"))).toBe("2025-07-02");
    expect(fromDay(placementDay("2024-01-01", "YEAR"))).toBe("2024-07-01");
  });

  it("formats with the precision", () => {
    expect(formatWithPrecision("2025-06-24", "DAY")).toBe("24 Jun 2025");
    expect(formatWithPrecision("2025-06-04", "DAY")).toBe("4 Jun 2025");
    expect(formatWithPrecision("2025-04-15", "MONTH")).toBe("Apr 2025");
    expect(formatWithPrecision("2025-05-16", "QUARTER")).toBe("Q2 2025");
    expect(formatWithPrecision("2024-07-16", "SEASON")).toBe("summer 2024");
    expect(formatWithPrecision("2025-01-14", "SEASON")).toBe("winter 2024/25");
    expect(formatWithPrecision("1999-12-14", "SEASON")).toBe("winter 1999/00");
    expect(formatWithPrecision("2025-07-02", "YEAR")).toBe("2025");
  });
});

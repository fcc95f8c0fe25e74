import { describe, expect, it } from "vitest";
import {
  agreementFiltersToSearchParams,
  describeAgreementFilters,
  hasAgreementFilters,
  legacyFeedQuery,
  parseAgreementFilters,
  readAgreementFilters,
} from "./filters";

describe("agreement filters in the URL", () => {
  it("reads every filter, lists from repeated parameters", () => {
    const params = new URLSearchParams(
      "q=security+plan&dyad=FRA-MAR&dyad=DZA-FRA&party=AFD&sector=rail&sector=ports&status=SIGNED&kind=LOAN&kind=MOU&from=2024-01-01&to=2025-06-30",
    );
    expect(readAgreementFilters(params)).toEqual({
      filters: {
        q: "security plan",
        dyads: ["FRA-MAR", "DZA-FRA"],
        party: "AFD",
        sectors: ["rail", "ports"],
        statuses: ["SIGNED"],
        kinds: ["LOAN", "MOU"],
        from: "2024-01-01",
        to: "2025-06-30",
      },
      ignored: [],
    });
  });

  it("reads Next.js searchParams objects the same way", () => {
    expect(readAgreementFilters({ sector: ["rail", "ports"], status: "SIGNED", q: undefined }).filters).toEqual({
      sectors: ["rail", "ports"],
      statuses: ["SIGNED"],
    });
  });

  it("writes back a canonical query string that reads as the same filters", () => {
    const { filters } = readAgreementFilters(new URLSearchParams("to=2025-01-01&sector=rail&q=%22high-speed%22&sector=rail&kind=LOAN"));
    const query = agreementFiltersToSearchParams(filters).toString();
    expect(query).toBe("to=2025-01-01&sectors=rail&kinds=LOAN&q=%22high-speed%22");
    expect(readAgreementFilters(new URLSearchParams(query)).filters).toEqual(filters);
    // The feed's first format, which Atom feed ids are built from, is still written the same.
    const legacy = legacyFeedQuery(filters).toString();
    expect(legacy).toBe("q=%22high-speed%22&sector=rail&kind=LOAN&to=2025-01-01");
    expect(readAgreementFilters(new URLSearchParams(legacy)).filters).toEqual(filters);
  });

  it("treats blank fields as absent, as a GET form sends them", () => {
    const { filters } = readAgreementFilters(new URLSearchParams("q=++&party=&from=&sector="));
    expect(filters).toEqual({});
    expect(hasAgreementFilters(filters)).toBe(false);
    expect(hasAgreementFilters({ sectors: ["rail"] })).toBe(true);
  });

  it("drops what it cannot read on a page and names it, keeping the rest", () => {
    const { filters, ignored } = readAgreementFilters(new URLSearchParams("status=WITHDRAWN&kind=LOAN&from=2025-02-30&dyad=france"));
    expect(filters).toEqual({ kinds: ["LOAN"] });
    expect(ignored.sort()).toEqual(["dyad", "from", "status"]);
    // The range check runs once the fields pass: a backwards range is dropped in a second round.
    expect(readAgreementFilters(new URLSearchParams("status=WITHDRAWN&from=2025-06-01&to=2025-01-01"))).toEqual({
      filters: { from: "2025-06-01" },
      ignored: ["status", "to"],
    });
  });

  it("refuses, with reasons, what an export cannot read", () => {
    const backwards = parseAgreementFilters(new URLSearchParams("from=2025-06-01&to=2025-01-01"));
    expect(backwards).toEqual({ ok: false, problems: [{ param: "to", message: "the end date is before the start date" }] });
    const repeated = parseAgreementFilters(new URLSearchParams("q=a&q=b&kind=LOAN"));
    expect(repeated.ok || repeated.problems.map((p) => p.param)).toEqual(["q"]);
  });

  it("bounds every string and list", () => {
    const tooMany = (name: string, n: number, value: (i: number) => string) =>
      new URLSearchParams(Array.from({ length: n }, (_, i) => [name, value(i)]));
    expect(parseAgreementFilters(new URLSearchParams({ q: "x".repeat(201) })).ok).toBe(false);
    expect(parseAgreementFilters(new URLSearchParams({ q: "x".repeat(200) })).ok).toBe(true);
    expect(parseAgreementFilters(new URLSearchParams({ party: "x".repeat(101) })).ok).toBe(false);
    expect(parseAgreementFilters(new URLSearchParams({ sector: "x".repeat(61) })).ok).toBe(false);
    expect(parseAgreementFilters(tooMany("sector", 21, (i) => `s${i}`)).ok).toBe(false);
    expect(parseAgreementFilters(tooMany("dyad", 11, (i) => `FRA-M${String.fromCharCode(65 + i)}A`)).ok).toBe(false);
    expect(parseAgreementFilters(tooMany("status", 8, () => "SIGNED")).ok).toBe(false);
  });

  it("describes the filters in words", () => {
    expect(describeAgreementFilters({ q: "rail", statuses: ["IN_FORCE"], kinds: ["MOU"], from: "2025-01-01" })).toBe(
      "matching “rail”, status In force, kind Memorandum of understanding, from 2025-01-01",
    );
    expect(describeAgreementFilters({})).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { parseLeniently } from "../scope/lenient";
import { draftQueueAddress, draftQueueFiltersOf, draftQueueInput, narrowsDrafts, returnManyInput } from "./queue-schemas";

describe("the drafts queue's filters", () => {
  it("read from the address: what cannot be read is dropped and named, the rest kept", () => {
    const raw = { kind: "treaty", draftDyad: "FRA-DZA", author: "system", minEffect: "-3", order: "effect" };
    const { data, dropped } = parseLeniently(draftQueueAddress, raw);
    expect(dropped.sort()).toEqual(["kind", "minEffect"]);
    expect(draftQueueFiltersOf(data)).toEqual({ dyad: "DZA-FRA", author: "system", order: "effect" });
    expect(narrowsDrafts(data)).toBe(true);
    expect(narrowsDrafts(parseLeniently(draftQueueAddress, { order: "newest" }).data)).toBe(false);
    expect(parseLeniently(draftQueueAddress, { minEffect: "2.5" }).data.minEffect).toBe(2.5);
    const batch = parseLeniently(draftQueueAddress, { source: "  import: visits.csv (2 rows) " }).data;
    expect(draftQueueFiltersOf(batch)).toEqual({ source: "import: visits.csv (2 rows)" });
    expect(narrowsDrafts(batch)).toBe(true);
    expect(parseLeniently(draftQueueAddress, { source: "   " }).dropped).toEqual(["source"]);
  });

  it("as the procedure takes them: strict, oldest first by default", () => {
    expect(draftQueueInput.parse({})).toEqual({ order: "waiting" });
    expect(draftQueueInput.safeParse({ minEffect: 201 }).success).toBe(false);
    expect(draftQueueInput.safeParse({ minEffect: "2" }).success).toBe(false);
  });

  it("a bulk return needs a comment and at most 50 drafts", () => {
    const drafts = [{ id: "d1", version: 1 }];
    expect(returnManyInput.safeParse({ drafts, comment: " " }).success).toBe(false);
    expect(returnManyInput.safeParse({ drafts: [], comment: "Add a source" }).success).toBe(false);
    expect(returnManyInput.safeParse({ drafts: Array.from({ length: 51 }, (_, i) => ({ id: `d${i}`, version: 1 })), comment: "Add a source" }).success).toBe(false);
    expect(returnManyInput.safeParse({ drafts, comment: "Add a source" }).success).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("feed cursor", () => {
  it("round-trips a position, with and without a search rank", () => {
    for (const position of [
      { date: "2025-06-24", id: "cmabc123" },
      { date: null, id: "cmzzz" },
      { date: "2024-10-28", id: "cm1", rank: 1.0607927 },
    ]) {
      const cursor = encodeCursor(position);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/); // URL-safe, opaque
      expect(decodeCursor(cursor)).toEqual(position);
    }
  });

  it("keeps a rank exactly, so the next page starts at the same float", () => {
    const rank = 0.1 + 0.2;
    expect(decodeCursor(encodeCursor({ date: null, id: "x", rank }))?.rank).toBe(rank);
  });

  it("refuses anything it did not make", () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    expect(decodeCursor("not a cursor")).toBeNull();
    expect(decodeCursor("")).toBeNull();
    expect(decodeCursor(forged({ v: 2, d: null, i: "x" }))).toBeNull();
    expect(decodeCursor(forged({ v: 1, d: "2025-13-01", i: "x" }))).toBeNull();
    expect(decodeCursor(forged({ v: 1, d: null, i: "" }))).toBeNull();
    expect(decodeCursor(forged({ v: 1, d: "2025-01-01", i: "x", r: "1" }))).toBeNull();
  });
});

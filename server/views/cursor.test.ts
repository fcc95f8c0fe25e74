import { describe, expect, it } from "vitest";
import { decodeViewCursor, encodeViewCursor } from "./cursor";

describe("the saved views' page cursor", () => {
  it("reads back the position and direction it was made from", () => {
    const position = { towards: "newer" as const, updatedAt: new Date("2026-03-01T10:20:30.456Z"), id: "cmabc123" };
    expect(decodeViewCursor(encodeViewCursor(position))).toEqual(position);
    expect(decodeViewCursor(encodeViewCursor({ ...position, towards: "older" }))?.towards).toBe("older");
  });

  it("is null for anything it did not make", () => {
    for (const cursor of ["", "x1-a", "o-a", "o1-", "o1-a b", "o1234567890123456-a", `o1-${"a".repeat(65)}`, "n1-a.b"]) {
      expect(decodeViewCursor(cursor)).toBeNull();
    }
  });
});

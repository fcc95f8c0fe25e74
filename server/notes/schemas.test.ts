import { describe, expect, it } from "vitest";
import { createNoteInput, noteBody } from "./schemas";

describe("note inputs", () => {
  it("keep the body exactly as written, spaces and markup included", () => {
    for (const body of ["  two spaces first\n\nthen a blank line ", "<script>alert(1)</script>", "لماذا هذا الانخفاض؟"]) expect(noteBody.parse(body)).toBe(body);
  });

  it("refuse a blank or an overlong body", () => {
    expect(noteBody.safeParse(" \n\t").error?.issues.map((i) => i.message)).toEqual(["Write the note."]);
    expect(noteBody.safeParse("x".repeat(2_001)).error?.issues[0]?.message).toBe("At most 2,000 characters.");
    expect(noteBody.safeParse("x".repeat(2_000)).success).toBe(true);
  });

  it("name a day of a dyad in its stored form, and refuse one that is no day", () => {
    expect(createNoteInput.parse({ body: "Why", teamId: null, on: { kind: "day", dyad: "mar-fra", day: "2025-06-02" } }).on).toEqual({ kind: "day", dyad: "FRA-MAR", day: "2025-06-02" });
    const refused = createNoteInput.safeParse({ body: "Why", teamId: null, on: { kind: "day", dyad: "FRA-MAR", day: "2025-02-30" } });
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["on.day"]);
    expect(createNoteInput.safeParse({ body: "Why", teamId: null, on: { kind: "condition", id: "c1" } }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { canReviewDraft } from "../auth/permissions";
import { indexValue } from "../method/index-math";
import { METHOD } from "../method/params";
import { indexMoves, indexOn, largestChange, withChange } from "./preview-math";

const inputs = {
  events: [
    { id: "e1", day: 100, score: 4 },
    { id: "e2", day: 120, score: -2 },
  ],
  conditions: [{ id: "c1", kind: "VISA_REGIME" as const, points: -5, startDay: 90, endDay: null }],
};

describe("a draft's preview", () => {
  it("reads I on a day as the method defines it: decayed scores placed so far plus the conditions in force", () => {
    const pulse = 4 * Math.pow(2, -10 / METHOD.halfLifeDays);
    expect(indexOn(inputs, 110)).toBeCloseTo(indexValue(-5, pulse), 12);
    expect(indexOn(inputs, 80)).toBe(0);
  });

  it("replaces the edited record and adds the proposed one; before → after with bands on each day, once per day", () => {
    const change = { replaces: "e2", events: [{ id: "draft", day: 120, score: -20 }], conditions: [] };
    expect(withChange(inputs, change).events.map((e) => e.id)).toEqual(["e1", "draft"]);
    const moves = indexMoves(inputs, change, [130, 120, 130]);
    expect(moves.map((m) => m.day)).toEqual([130, 120]);
    for (const move of moves) {
      expect(move.after).toBeLessThan(move.before);
      expect(move.bandAfter).toBe(move.after <= METHOD.bands.crisisAtOrBelow ? "crisis" : move.after <= METHOD.bands.tenseAtOrBelow ? "tense" : "mixed");
    }
    expect(indexMoves(inputs, { replaces: null, events: [], conditions: [] }, [130])[0]).toMatchObject({ before: indexOn(inputs, 130), after: indexOn(inputs, 130) });
  });

  it("sizes a draft's effect as the largest |after − before| of its preview, whichever way and dyad", () => {
    const move = (before: number, after: number) => ({ before, after });
    expect(largestChange([])).toBe(0);
    expect(largestChange([{ moves: [move(-10, -14), move(-20, -21)] }, { moves: [move(5, 7.5)] }])).toBe(4);
    expect(largestChange([{ moves: [move(3, 3)] }])).toBe(0);
  });

  it("is decided by an admin other than its author", () => {
    expect(canReviewDraft({ id: "u1", role: "admin" }, { authorId: "u2" })).toBe(true);
    expect(canReviewDraft({ id: "u1", role: "admin" }, { authorId: "u1" })).toBe(false);
    expect(canReviewDraft({ id: "u1", role: "analyst" }, { authorId: "u2" })).toBe(false);
    expect(canReviewDraft({ id: "u1", role: "admin" }, { authorId: null })).toBe(true);
  });
});

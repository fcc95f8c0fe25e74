import { describe, expect, it } from "vitest";
import { serialize } from "superjson";
import { serializedOnce, shared } from "./shared-answer";

describe("shared answers", () => {
  it("are deep frozen: a caller cannot change what another reads", () => {
    const answer = shared({ dyads: [{ key: "FRA-MAR", points: [{ day: "2026-11-30", index: 12.5 }] }] });
    const [dyad] = answer.dyads;
    if (!dyad) throw new Error("no dyad");
    expect(() => dyad.points.push({ day: "2026-12-01", index: 1 })).toThrow(TypeError);
    expect(() => {
      dyad.key = "DZA-FRA";
    }).toThrow(TypeError);
    expect(answer.dyads[0]).toEqual({ key: "FRA-MAR", points: [{ day: "2026-11-30", index: 12.5 }] });
  });

  it("are serialized once, and every other value each time", () => {
    let calls = 0;
    const counting = (value: unknown) => (calls++, serialize(value));
    const answer = shared({ asOf: new Date("2026-11-30T00:00:00Z"), value: 12.5 });
    const first = serializedOnce(answer, counting);
    expect(serializedOnce(answer, counting)).toBe(first);
    expect(calls).toBe(1);
    expect(first).toEqual(serialize({ asOf: new Date("2026-11-30T00:00:00Z"), value: 12.5 }));
    const fresh = { value: 1 };
    serializedOnce(fresh, counting);
    serializedOnce(fresh, counting);
    // Frozen but not shared: frozen by someone else, whose inner parts may still change.
    serializedOnce(Object.freeze({ inner: { value: 2 } }), counting);
    expect(calls).toBe(4);
  });
});

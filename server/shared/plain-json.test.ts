import { serialize } from "superjson";
import { describe, expect, it } from "vitest";
import { isPlainJson, toSuperjson } from "./plain-json";

const plain = (value: unknown) => isPlainJson(value, new Set());

describe("toSuperjson", () => {
  it("writes plain JSON as superjson does, without its walk", () => {
    const points = Array.from({ length: 3 }, (_, i) => ({ day: `2026-01-0${i + 1}`, index: i * 1.5 - 1, low: -2, high: null, shown: i > 0 }));
    const answers = [points, { dyads: [{ key: "FRA-MAR", points }], markers: [] }, "text", 0, -1.25, true, null, [], {}, Object.create(null)];
    for (const value of answers) {
      expect(plain(value)).toBe(true);
      expect(toSuperjson(value)).toEqual(serialize(value));
    }
  });

  it("leaves to superjson what JSON cannot carry, anywhere in the answer", () => {
    const shared = { id: "a" };
    class Money {
      amount = 1;
    }
    const holed: unknown[] = [1];
    holed[2] = 3;
    const others = [
      { date: new Date("2026-01-02T00:00:00Z") },
      { points: [{ day: "2026-01-02", index: undefined }] },
      [Number.NaN],
      [Number.POSITIVE_INFINITY],
      { nested: { zero: -0 } },
      { first: shared, again: shared },
      [new Money()],
      new Map([["a", 1]]),
      new Set([1]),
      { big: 1n },
      /x/,
      holed,
      { run: () => 1 },
    ];
    for (const value of others) {
      expect(plain(value)).toBe(false);
      const written = toSuperjson(value);
      expect(written).toEqual(serialize(value));
    }
    // What superjson writes for them comes back as it was.
    expect(toSuperjson({ date: new Date("2026-01-02T00:00:00Z") }).meta?.values).toEqual({ date: ["Date"] });
    expect(toSuperjson({ first: shared, again: shared }).meta?.referentialEqualities).toBeDefined();
  });
});

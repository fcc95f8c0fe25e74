import { describe, expect, it } from "vitest";
import { benchScripts, TINY } from "./bench-smoke";

describe("the benchmark smoke step", () => {
  it("has a tiny size for every bench:* script in package.json, and none for a script that is gone", () => {
    const scripts = benchScripts().map((b) => b.script);
    expect(scripts).toContain("bench:agreements");
    expect(Object.keys(TINY).sort()).toEqual([...scripts].sort());
  });
});

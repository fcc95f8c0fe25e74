// A benchmark's results file: never one an earlier run of the day wrote.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resultsFile } from "./stats";

describe("resultsFile", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-results-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const day = new Date("2026-11-30T23:30:00Z");

  it("names the day's first run by the day, and each later one by its place in the day", () => {
    const first = resultsFile("load-soak", dir, day);
    expect(path.basename(first)).toBe("load-soak-2026-11-30.json");
    writeFileSync(first, "{}");
    const second = resultsFile("load-soak", dir, day);
    expect(path.basename(second)).toBe("load-soak-2026-11-30-2.json");
    writeFileSync(second, "{}");
    expect(path.basename(resultsFile("load-soak", dir, day))).toBe("load-soak-2026-11-30-3.json");
    expect(path.basename(resultsFile("load", dir, day))).toBe("load-2026-11-30.json");
  });
});

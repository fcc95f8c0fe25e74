// The backtest on the shipped reference, in CI: the report has its shape, and the numbers
// docs/validation.md states are the ones it computes now (the document cannot drift).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { trackedDyads } from "@/prisma/seed/data";
import { DIRECTIONS } from "@/server/method/backtest";
import { METHOD } from "@/server/method/params";
import { seededRecord } from "./record";
import { readReference } from "./reference";
import { backtestMarkdown, BASELINE, reportBlockOf, runBacktest, withReportBlock } from "./run";

const ROOT = path.resolve(import.meta.dirname, "../..");
const REFERENCE = path.join(ROOT, "docs/validation/reference-2021-2026.csv");
const DOC = path.join(ROOT, "docs/validation.md");

describe("the backtest on the shipped reference", () => {
  const record = seededRecord();
  const reference = readReference(REFERENCE, trackedDyads);

  it("reads one row per dyad-month, each with a reason and a source", () => {
    expect(reference.length).toBeGreaterThanOrEqual(40);
    for (const row of reference) {
      expect(trackedDyads).toContain(row.dyad);
      expect(DIRECTIONS).toContain(row.direction);
      expect(row.reason.length).toBeGreaterThan(10);
      expect(row.source).toMatch(/^https?:\/\//);
    }
  });

  it("reports every reference month under each reading, with agreement and kappa", () => {
    const report = runBacktest({ record, reference, methods: [METHOD] });
    expect(report.columns).toEqual([`Method ${METHOD.version}`, BASELINE]);
    expect(report.months).toHaveLength(reference.length);
    for (const m of report.months) expect(m.readings.map((r) => DIRECTIONS.includes(r.direction))).toEqual([true, true]);
    for (const s of report.stats) {
      expect(s.n).toBe(reference.length);
      expect(s.agreement).toBeCloseTo(s.agreed / s.n, 12);
      expect(s.kappa).not.toBeNull();
      expect(s.kappa ?? NaN).toBeLessThanOrEqual(1);
    }
  });

  it("finds the same numbers docs/validation.md states (npm run backtest -- --write-doc rewrites them)", () => {
    expect(reportBlockOf(readFileSync(DOC, "utf8"))).toBe(backtestMarkdown(record, reference));
  });
});

describe("the reference file's checks", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "reference-"));
  const fileWith = (rows: string[]) => {
    const file = path.join(dir, `${rows.length}-${Math.random()}.csv`);
    writeFileSync(file, ["dyad,month,direction,reason,source", ...rows].join("\n"));
    return file;
  };
  const good = "FRA-MAR,2024-10,improved,A state visit,https://example.org/a";

  it("names the line and the fault", () => {
    expect(() => readReference(fileWith([good, "FRA-XYZ,2024-10,improved,r,https://example.org"]), trackedDyads)).toThrow(/line 3: dyad "FRA-XYZ"/);
    expect(() => readReference(fileWith(["FRA-MAR,2024-13,improved,r,https://example.org"]), trackedDyads)).toThrow(/line 2: month "2024-13"/);
    expect(() => readReference(fileWith(["FRA-MAR,2024-10,better,r,https://example.org"]), trackedDyads)).toThrow(/direction "better"/);
    expect(() => readReference(fileWith(["FRA-MAR,2024-10,improved,r,not a link"]), trackedDyads)).toThrow(/not a web address/);
    expect(() => readReference(fileWith(["FRA-MAR,2024-10,improved,,https://example.org"]), trackedDyads)).toThrow(/reason is empty/);
    expect(() => readReference(fileWith([good, good]), trackedDyads)).toThrow(/listed twice/);
  });

  it("replaces only the report block of a document", () => {
    const doc = `# T\n\n${"<!-- backtest:begin (written by the backtest's --write-doc; edit the reference, not this block) -->"}\nold\n<!-- backtest:end -->\n\nafter\n`;
    const next = withReportBlock(doc, "new");
    expect(reportBlockOf(next)).toBe("new");
    expect(next.endsWith("<!-- backtest:end -->\n\nafter\n")).toBe(true);
    expect(() => withReportBlock("# no block", "x")).toThrow(/no <!-- backtest:begin/);
  });
});

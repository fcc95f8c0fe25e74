// Fuzzing both parsers: whatever the bytes, they answer with a well-formed result or our own
// error type (GdeltFileError), never another exception and never a malformed candidate.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { realExportFirst600 } from "@/test/fixtures/gdelt";
import type { GdeltCandidate } from "./candidate";
import { GdeltFileError } from "./errors";
import { readExportText } from "./export-file";
import { parseListing } from "./listing";
import { EXPORT_COLUMNS } from "./row";

const TRACKED = new Set(["FRA", "DZA", "MAR", "TUN", "LBY", "MRT"]);
const REAL = realExportFirst600().trimEnd().split("\n");

function wellFormed(c: GdeltCandidate): boolean {
  const number = (n: number) => Number.isFinite(n);
  const count = (n: number) => Number.isInteger(n) && n >= 0 && n < 2 ** 31;
  return (
    c.globalEventId >= 0n &&
    /^\d{4}-\d{2}-\d{2}$/.test(c.day) &&
    !Number.isNaN(new Date(`${c.day}T00:00:00Z`).getTime()) &&
    TRACKED.has(c.actorCode) &&
    TRACKED.has(c.targetCode) &&
    c.actorCode !== c.targetCode &&
    c.dyadKey === [c.actorCode, c.targetCode].sort().join("-") &&
    /^\d{2,4}$/.test(c.cameoCode) &&
    c.rootCode === c.cameoCode.slice(0, 2) &&
    number(c.gdeltGoldstein) && Math.abs(c.gdeltGoldstein) <= 10 &&
    number(c.goldstein) && Math.abs(c.goldstein) <= 10 &&
    count(c.numMentions) && count(c.numSources) && count(c.numArticles) &&
    number(c.avgTone) &&
    (c.placeLat === null || Math.abs(c.placeLat) <= 90) &&
    (c.placeLon === null || Math.abs(c.placeLon) <= 180) &&
    [c.sourceUrl, c.placeName].every((t) => t === null || (t !== "" && !t.includes("\u0000"))) &&
    !Number.isNaN(c.dateAdded.getTime())
  );
}

/** Runs the parser; true when it answered well or with our error. */
async function answersWell(input: string | Buffer): Promise<boolean> {
  try {
    const { read, candidates } = await readExportText(input, { tracked: TRACKED });
    return read >= candidates.length && candidates.every(wellFormed);
  } catch (error) {
    return error instanceof GdeltFileError;
  }
}

/** A real row with some columns replaced by arbitrary text (tabs and line ends taken out) or tracked codes. */
const mutatedRow = fc
  .record({
    row: fc.constantFrom(...REAL),
    changes: fc.array(fc.tuple(fc.nat(EXPORT_COLUMNS - 1), fc.oneof(fc.string(), fc.constantFrom("FRA", "MAR", "DZA", "", "0", "-1", "1e999", "NaN", "20150230", "999"))), { maxLength: 6 }),
    pair: fc.option(fc.tuple(fc.constantFrom(...TRACKED), fc.constantFrom(...TRACKED))),
  })
  .map(({ row, changes, pair }) => {
    const f = row.split("\t");
    if (pair) [f[7], f[17]] = pair;
    for (const [i, v] of changes) f[i] = v.replace(/[\t\n\r]/g, " ");
    return f.join("\t");
  });

describe("the export row parser, fuzzed", () => {
  it("never throws anything but GdeltFileError, never returns a malformed candidate (real rows mutated)", async () => {
    await expect(fc.assert(fc.asyncProperty(fc.array(mutatedRow, { minLength: 1, maxLength: 5 }), async (rows) => answersWell(rows.join("\n"))), { numRuns: 400 })).resolves.toBeUndefined();
  });

  it("the same for arbitrary text and bytes", async () => {
    await expect(fc.assert(fc.asyncProperty(fc.string({ unit: "binary" }), async (text) => answersWell(text)), { numRuns: 300 })).resolves.toBeUndefined();
    await expect(fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => answersWell(Buffer.from(bytes))), { numRuns: 300 })).resolves.toBeUndefined();
  });
});

describe("the listing parser, fuzzed", () => {
  const line = fc
    .record({
      size: fc.nat(),
      md5: fc.stringMatching(/^[0-9a-f]{32}$/),
      stamp: fc.date({ min: new Date("2015-02-18T23:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true }),
      kind: fc.constantFrom("export.CSV", "mentions.CSV", "gkg.csv"),
    })
    .map(({ size, md5, stamp, kind }) => {
      const slot = new Date(Math.floor(stamp.getTime() / 900_000) * 900_000);
      return { size, md5, slot, text: `${size} ${md5} http://data.gdeltproject.org/gdeltv2/${slot.toISOString().replace(/[-:T]/g, "").slice(0, 14)}.${kind}.zip` };
    });

  it("reads back every well-formed line as written", () => {
    const readsBack = fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
      const files = parseListing(lines.map((l) => `${l.text}\n`).join(""));
      return files.length === lines.length && files.every((f, i) => f.size === lines[i]?.size && f.md5 === lines[i]?.md5 && f.slot.getTime() === lines[i]?.slot.getTime());
    });
    expect(() => fc.assert(readsBack)).not.toThrow();
  });

  it("never throws anything but GdeltFileError on arbitrary or damaged text", () => {
    const damaged = fc.tuple(line, fc.nat(200), fc.string({ maxLength: 3 })).map(([l, at, insert]) => l.text.slice(0, at % (l.text.length + 1)) + insert + l.text.slice(at % (l.text.length + 1)));
    const answersWellOrRefuses = fc.property(fc.array(fc.oneof(fc.string(), damaged), { maxLength: 5 }), (lines) => {
      try {
        const files = parseListing(lines.join("\n"));
        return files.every((f) => Number.isSafeInteger(f.size) && /^[0-9a-f]{32}$/.test(f.md5) && f.slot.getTime() % 900_000 === 0);
      } catch (error) {
        return error instanceof GdeltFileError;
      }
    });
    expect(() => fc.assert(answersWellOrRefuses, { numRuns: 500 })).not.toThrow();
  });
});

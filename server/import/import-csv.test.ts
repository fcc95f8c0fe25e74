// The import file, from text to validated rows: what an admin's spreadsheet export can hold.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { canonicalEvent, sameEvent } from "./compare";
import { EVENT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, SOURCE_COLUMNS } from "./columns";
import { parseImportCsv, type CsvRow } from "./csv";
import { validateRow } from "./rows";
import { importTemplateCsv } from "./template";

const HEADER = "external_id,title,date,date_precision,dyad,actor,target,cameo_code,level,verification";
const GOOD = "ev-1,Talks in Rabat,2024-05-02,day,FRA-MAR,FRA,MAR,036,minister,confirmed";

function rowsOf(text: string): CsvRow[] {
  const parsed = parseImportCsv(text);
  if (!parsed.ok) throw new Error(parsed.problems.join(" "));
  return parsed.rows;
}

const problemsOf = (text: string) => {
  const result = validateRow(rowsOf(text)[0] as CsvRow);
  return result.ok ? [] : result.problems.map((p) => `${p.column}: ${p.message}`);
};

describe("reading the file", () => {
  it("takes a spreadsheet's UTF-8 export: BOM, CRLF, quoted commas, quotes and line breaks", () => {
    const text = `\uFEFF${HEADER},summary\r\nev-1,"Talks, in ""Rabat""",2024-05-02,DAY,FRA-MAR,FRA,MAR,036,MINISTER,CONFIRMED,"line one\r\nline two"\r\n`;
    const [row] = rowsOf(text);
    expect(row?.row).toBe(2);
    expect(row?.cells.get("external_id")).toBe("ev-1");
    expect(row?.cells.get("title")).toBe('Talks, in "Rabat"');
    expect(row?.cells.get("summary")).toBe("line one\r\nline two");
  });

  it("numbers rows as a spreadsheet does, skipping blank lines", () => {
    expect(rowsOf(`${HEADER}\n${GOOD}\n\n${GOOD.replace("ev-1", "ev-2")}\n`).map((r) => r.row)).toEqual([2, 3]);
  });

  it("says up front which header columns are unknown, doubled or missing, and which go together", () => {
    const parsed = parseImportCsv("external_id,title,colour,title,place_lat,source_1_url\nx,y,z,y,1,u");
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      "Unknown column colour: see the format for the column names.",
      "Column title appears twice in the header.",
      "Columns place_name, place_lat, place_lon go together: add the missing ones or remove the others.",
      "Source 1 needs the columns source_1_publisher, source_1_title.",
      "Missing required columns: date, date_precision, dyad, actor, target, cameo_code, level, verification.",
    ]);
  });

  it("refuses a file over the size or row limit with the limit in the message", () => {
    const big = parseImportCsv(`${HEADER}\n${"x".repeat(MAX_IMPORT_BYTES)}`);
    expect(big.ok ? "" : big.problems[0]).toMatch(/larger than 5 MB/);
    const long = parseImportCsv(`${HEADER}\n${`${GOOD}\n`.repeat(MAX_IMPORT_ROWS + 1)}`);
    expect(long.ok ? "" : long.problems[0]).toMatch(/more than 10,000 rows/);
    expect(parseImportCsv(`${HEADER}\n${`${GOOD}\n`.repeat(MAX_IMPORT_ROWS)}`).ok).toBe(true);
  });

  it("refuses an empty file, a header alone and broken quoting", () => {
    expect(parseImportCsv("")).toMatchObject({ ok: false, problems: [expect.stringMatching(/empty/)] });
    expect(parseImportCsv(`${HEADER}\n`)).toMatchObject({ ok: false, problems: [expect.stringMatching(/no rows/)] });
    expect(parseImportCsv(`${HEADER}\nev-1,"unclosed`)).toMatchObject({ ok: false, problems: [expect.stringMatching(/not valid CSV/)] });
  });

  it("refuses text PostgreSQL cannot store (found by fuzzing: it failed in the database), naming the row", () => {
    expect(parseImportCsv(`${HEADER}\n${GOOD}\n${GOOD.replace("ev-1", "ev-\u0000")}`)).toEqual({
      ok: false,
      problems: ["Row 3 holds text that must not contain NUL characters or unpaired surrogates: is this the CSV file you meant?"],
    });
  });
});

describe("a row", () => {
  it("becomes the event form's input: enum cells in any case, dyad sorted, sources and place", () => {
    const text = `${HEADER},place_name,place_lat,place_lon,source_2_publisher,source_2_title,source_2_url,agreement_ids\n${GOOD},Rabat,34.02,-6.84,Le Monde,Title,https://example.org/a,a1 | a2`;
    const result = validateRow(rowsOf(text)[0] as CsvRow);
    expect(result).toMatchObject({
      ok: true,
      externalId: "ev-1",
      data: {
        datePrecision: "DAY",
        level: "MINISTER",
        verification: "CONFIRMED",
        dyad: "FRA-MAR",
        place: { name: "Rabat", lat: 34.02, lon: -6.84 },
        sources: [{ publisher: "Le Monde", title: "Title", url: "https://example.org/a" }],
        agreementIds: ["a1", "a2"],
      },
    });
  });

  it("names the column of every problem, one message per column", () => {
    const text = `${HEADER},score_override,place_name,place_lat,place_lon,source_3_publisher,source_3_title,source_3_url\n,Ta,2024-02-30,weekly,FRA-MAR,DZA,MAR,999,MINISTER,CONFIRMED,high,Rabat,north,-6.8,Le Monde,T,javascript:alert(1)`;
    expect(problemsOf(text)).toEqual([
      "external_id: give each row its own stable id",
      'score_override: "high" is not a number',
      'place_lat: "north" is not a number',
      "title: at least 3 characters",
      "date: use a real date as YYYY-MM-DD",
      expect.stringMatching(/^date_precision: /),
      "cameo_code: pick a CAMEO event type from the list",
      "source_3_url: a source link must be an http:// or https:// address",
    ]);
  });

  it("checks fields against each other once each field is valid, as the form does", () => {
    expect(problemsOf(`${HEADER}
${GOOD.replace("FRA,MAR,036", "DZA,MAR,036")}`)).toEqual(["actor: the actor must be one of FRA or MAR"]);
  });

  it("reports a row with a cell too many instead of guessing which column moved", () => {
    expect(problemsOf(`${HEADER}\n${GOOD},extra`)).toEqual(["(row): has 11 cells where the header has 10: check for an unquoted comma"]);
  });

  it("keeps what is stored for a column the file leaves out, and clears a cell left empty", () => {
    const stored = validateRow(rowsOf(`${HEADER},summary\n${GOOD},Kept summary`)[0] as CsvRow);
    if (!stored.ok) throw new Error("fixture");
    const without = validateRow(rowsOf(`${HEADER}\n${GOOD}`)[0] as CsvRow, stored.data);
    expect(without.ok && without.data.summary).toBe("Kept summary");
    const emptied = validateRow(rowsOf(`${HEADER},summary\n${GOOD},`)[0] as CsvRow, stored.data);
    expect(emptied.ok && emptied.data.summary).toBeUndefined();
  });
});

describe("comparing with the stored event", () => {
  const base = validateRow(rowsOf(`${HEADER},source_1_publisher,source_1_title,source_1_url,source_2_publisher,source_2_title,source_2_url\n${GOOD},A,T,https://a.example,B,T,https://b.example`)[0] as CsvRow);
  if (!base.ok) throw new Error("fixture");

  it("ignores what the database does not keep: source order, a reason without a score", () => {
    const reordered = { ...base.data, sources: [...base.data.sources].reverse(), overrideReason: "no score to explain" };
    expect(sameEvent(base.data, reordered)).toBe(true);
    expect(canonicalEvent(reordered).overrideReason).toBeUndefined();
  });

  it("sees a changed title or score", () => {
    expect(sameEvent(base.data, { ...base.data, title: "Talks in Fes" })).toBe(false);
    expect(sameEvent(base.data, { ...base.data, scoreOverride: 2, overrideReason: "a documented reason" })).toBe(false);
  });
});

describe("the template", () => {
  it("has every column and example rows that pass the form's rules", () => {
    const parsed = parseImportCsv(importTemplateCsv());
    if (!parsed.ok) throw new Error(parsed.problems.join(" "));
    expect(parsed.columns).toContain("source_2_published_on");
    expect(parsed.rows.map((r) => validateRow(r))).toEqual(parsed.rows.map(() => expect.objectContaining({ ok: true })));
  });
});

describe("docs/import-format.md", async () => {
  const docs = await readFile(new URL("../../docs/import-format.md", import.meta.url), "utf8");

  it("documents every column as the page does", () => {
    for (const c of [...EVENT_COLUMNS, ...SOURCE_COLUMNS]) expect(docs).toContain(`| \`${c.name}\` | ${c.required ? "yes" : "no"} | ${c.meaning} |`);
  });

  it("gives an example that passes", () => {
    const example = /```csv\n([\s\S]*?)```/.exec(docs)?.[1] ?? "";
    expect(rowsOf(example).map((r) => validateRow(r).ok)).toEqual([true, true]);
  });
});

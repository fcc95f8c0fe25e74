import { describe, expect, it } from "vitest";
import { realExportFirst600, realExportSubset, SAMPLE_SLOTS } from "@/test/fixtures/gdelt";
import { candidateOf, pairsTrackedCountries } from "./candidate";
import { GdeltFileError } from "./errors";
import { readExportText } from "./export-file";
import { COL, parseExportRow } from "./row";

const TRACKED = new Set(["FRA", "DZA", "MAR", "TUN", "LBY", "MRT"]);
const realRows = (text: string) => text.trimEnd().split("\n");
const first600 = realRows(realExportFirst600());
const realRow = (id: string) => {
  const found = [...first600, ...SAMPLE_SLOTS.flatMap((s) => realRows(realExportSubset(s)))].find((l) => l.startsWith(`${id}\t`));
  if (!found) throw new Error(`no real row ${id}`);
  return found;
};
/** A real row with some columns changed (the test says which and why). */
const changed = (line: string, fields: Partial<Record<keyof typeof COL, string>>) => {
  const f = line.split("\t");
  for (const [name, value] of Object.entries(fields)) f[COL[name as keyof typeof COL]] = value;
  return f.join("\t");
};
const kept = (line: string) => {
  const row = parseExportRow(line, 1);
  return pairsTrackedCountries(row, TRACKED) ? candidateOf(row) : null;
};
const messageOf = async (work: () => Promise<unknown>) => {
  const error = await work().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GdeltFileError);
  return error instanceof Error ? error.message : "";
};

describe("GDELT export rows", () => {
  it("read every real sample row, and keep none: no real row pairs two tracked countries", async () => {
    expect(await readExportText(realExportFirst600(), { tracked: TRACKED })).toEqual({ read: 600, candidates: [] });
    for (const slot of SAMPLE_SLOTS) expect((await readExportText(realExportSubset(slot), { tracked: TRACKED })).candidates).toEqual([]);
  });

  it("map a kept row (real, with its actor country codes changed to FRA and MAR) to a candidate", () => {
    // 410412718: Australian business acting on Australia, in "Paris, RhôAlpes" (GDELT's broken accent).
    const candidate = kept(changed(realRow("410412718"), { Actor1CountryCode: "MAR", Actor2CountryCode: "FRA" }));
    expect(candidate).toEqual({
      globalEventId: 410412718n,
      line: 1,
      day: "2015-02-18",
      actorCode: "MAR",
      targetCode: "FRA",
      dyadKey: "FRA-MAR",
      cameoCode: "060",
      rootCode: "06",
      gdeltGoldstein: 6,
      goldstein: 6,
      numMentions: 2,
      numSources: 1,
      numArticles: 2,
      avgTone: -1.33079847908745,
      sourceUrl: "http://www.businessspectator.com.au/article/2015/2/19/family-business/men-and-their-vans",
      placeName: "Paris, RhôAlpes, France",
      placeLat: 45.6333,
      placeLon: 5.73333,
      dateAdded: new Date("2015-02-18T23:00:00Z"),
    });
  });

  it("filter on the actors' ISO codes only: the place's FIPS code MO (Morocco) keeps nothing", () => {
    const moroccanPlace = realRow("410423011");
    expect(moroccanPlace.split("\t")[COL.ActionGeo_FullName + 1]).toBe("MO");
    expect(kept(moroccanPlace)).toBeNull();
    expect(kept(changed(moroccanPlace, { Actor1CountryCode: "FRA", Actor2CountryCode: "FRA" }))).toBeNull();
    expect(kept(changed(moroccanPlace, { Actor1CountryCode: "FRA", Actor2CountryCode: "ESP" }))).toBeNull();
  });

  it("take GDELT's quirks: empty Actor1, a SQLDATE a year before DATEADDED, Geo_Type 0 with no place, FeatureID as text", () => {
    const yearOld = realRow("410412347");
    expect(yearOld.split("\t")[COL.Actor1CountryCode]).toBe("");
    expect(kept(yearOld)).toBeNull();
    const candidate = kept(changed(yearOld, { Actor1CountryCode: "DZA", Actor2CountryCode: "FRA" }));
    expect(candidate).toMatchObject({ day: "2014-02-18", dateAdded: new Date("2015-02-18T23:00:00Z"), dyadKey: "DZA-FRA" });
    const unplaced = kept(changed(realRow("410412358"), { Actor1CountryCode: "FRA", Actor2CountryCode: "DZA" }));
    expect(unplaced).toMatchObject({ placeName: null, placeLat: null, placeLon: null });
    expect(realRow("410412727").split("\t")[58]).toBe("CA");
    expect(kept(changed(realRow("410412727"), { Actor1CountryCode: "FRA", Actor2CountryCode: "MAR" }))).not.toBeNull();
  });

  it("give the app's Goldstein value beside GDELT's (the table's, for the most specific listed code)", () => {
    const c = kept(changed(realRow("410412718"), { Actor1CountryCode: "MAR", Actor2CountryCode: "FRA", EventCode: "0333", GoldsteinScale: "4.0" }));
    expect(c).toMatchObject({ cameoCode: "0333", rootCode: "03", goldstein: 5.2, gdeltGoldstein: 4 });
  });

  it("refuse a malformed row with its line number, whole file", async () => {
    const good = realRows(realExportFirst600()).slice(0, 3);
    const file = (bad: string) => [...good, bad, ...good].join("\n");
    const row = good[0] ?? "";
    expect(await messageOf(() => readExportText(file(row.split("\t").slice(0, 60).join("\t")), { tracked: TRACKED }))).toBe("line 4: 60 columns, an export row has 61");
    expect(await messageOf(() => readExportText(file(`${row}\tx`), { tracked: TRACKED }))).toBe("line 4: 62 columns, an export row has 61");
    expect(await messageOf(() => readExportText(file(changed(row, { SQLDATE: "2015-02-18" })), { tracked: TRACKED }))).toBe('line 4: SQLDATE "2015-02-18" is not a YYYYMMDD date');
    expect(await messageOf(() => readExportText(file(changed(row, { SQLDATE: "20150229" })), { tracked: TRACKED }))).toBe('line 4: SQLDATE "20150229" is not a YYYYMMDD date');
    expect(await messageOf(() => readExportText(file(changed(row, { DATEADDED: "20150218236000" })), { tracked: TRACKED }))).toMatch(/^line 4: DATEADDED/);
    expect(await messageOf(() => readExportText(file(changed(row, { GLOBALEVENTID: "-5" })), { tracked: TRACKED }))).toMatch(/^line 4: GLOBALEVENTID/);
    expect(await messageOf(() => readExportText(file(""), { tracked: TRACKED }))).toBe("line 4: 1 columns, an export row has 61");
    const latin1 = Buffer.concat([Buffer.from(`${good.join("\n")}\n`), Buffer.from(changed(row, { ActionGeo_FullName: "Qu\u00e9bec" }), "latin1")]);
    expect(await messageOf(() => readExportText(latin1, { tracked: TRACKED }))).toBe("line 4: not UTF-8 text");
    // Only kept rows have their remaining columns read: a bad one there is an error too.
    const keptRow = (fields: Partial<Record<keyof typeof COL, string>>) => file(changed(row, { Actor1CountryCode: "FRA", Actor2CountryCode: "MAR", ...fields }));
    expect(await messageOf(() => readExportText(keptRow({ EventCode: "99" }), { tracked: TRACKED }))).toBe('line 4: EventCode "99" is not a CAMEO code');
    expect(await messageOf(() => readExportText(keptRow({ NumMentions: "1.5" }), { tracked: TRACKED }))).toBe('line 4: NumMentions "1.5" is not a count');
    expect(await messageOf(() => readExportText(keptRow({ GoldsteinScale: "11" }), { tracked: TRACKED }))).toBe("line 4: GoldsteinScale 11 is outside −10…10");
    expect(await messageOf(() => readExportText(keptRow({ ActionGeo_Lat: "95" }), { tracked: TRACKED }))).toMatch(/^line 4: ActionGeo 95,.* is not on Earth$/);
    expect(await messageOf(() => readExportText(keptRow({ SOURCEURL: "http://x/\u0000" }), { tracked: TRACKED }))).toBe("line 4: SOURCEURL holds a NUL character");
  });

  it("take CRLF line ends and a file without a final line end", async () => {
    const rows = realRows(realExportFirst600()).slice(0, 5);
    expect((await readExportText(rows.join("\r\n"), { tracked: TRACKED })).read).toBe(5);
  });

  it("stop a long read when its signal aborts", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stopped"));
    const many = Array.from({ length: 5 }, () => realExportFirst600()).join("");
    await expect(readExportText(many, { tracked: TRACKED, signal: controller.signal })).rejects.toThrow("stopped");
  });
});

import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conditionInput } from "@/server/conditions/schemas";
import { articleEvents } from "./article";
import { readRows, sharedEventId } from "./shared-format";
import { RECORD_EVENTS_FILE, recordConditions, recordEvents } from "./record";

const SHARED_EVENTS = new URL(`../../../../shared/data/${RECORD_EVENTS_FILE}`, import.meta.url);

describe("the 2024–2026 record", () => {
  it.skipIf(!existsSync(SHARED_EVENTS))("seeds the shared events file as it is", () => {
    expect(readFileSync(new URL(RECORD_EVENTS_FILE, import.meta.url), "utf8")).toBe(readFileSync(SHARED_EVENTS, "utf8"));
  });

  it("seeds every one of the 35 rows once: 31 new events, 4 already held by the article's records", () => {
    const rows = readRows(RECORD_EVENTS_FILE);
    expect(rows).toHaveLength(35);
    expect(new Set(rows.map((r) => sharedEventId(r, "rec"))).size).toBe(35);
    expect(recordEvents).toHaveLength(31);
    const articleIds = new Set(articleEvents.map((e) => e.externalId));
    expect(recordEvents.filter((e) => articleIds.has(e.externalId))).toEqual([]);
  });

  it("splits each source into publisher and title", () => {
    const recall = recordEvents.find((e) => e.externalId === "rec-2024-07-30-dza-fra-161");
    expect(recall?.sources).toEqual([
      {
        publisher: "Politico Europe",
        title: "[report, 30 Jul 2024: Algeria recalls ambassador in France 'with immediate effect']",
        url: "https://www.politico.eu/article/france-morocco-western-sahara-plan-algeria-tension-emmanuel-macron/",
      },
    ]);
    expect(recall).toMatchObject({ level: "HEAD_OF_GOVERNMENT", overrideKey: "AMBASSADOR_RECALLED", datePrecision: "DAY", verification: "CONFIRMED" });
  });

  it("cites for every standing condition a source of the events file, and passes the admin form's rules", () => {
    const urls = new Set(readRows(RECORD_EVENTS_FILE).map((r) => r.source_url));
    for (const condition of recordConditions) {
      expect(condition.sources.length, condition.externalId).toBeGreaterThan(0);
      for (const source of condition.sources) expect(urls, condition.externalId).toContain(source.url);
      expect(conditionInput.safeParse(condition).success, condition.externalId).toBe(true);
    }
    expect(recordConditions.map((c) => [c.dyad, c.kind, c.holder, c.points, c.startDate])).toEqual([
      ["DZA-FRA", "AMBASSADOR_WITHDRAWN", "DZA", -10, "2024-07-30"],
      ["DZA-MAR", "VISA_REGIME", "DZA", -5, "2024-09-26"],
      ["DZA-FRA", "VISA_REGIME", "FRA", -5, "2025-02-25"],
      ["DZA-FRA", "RELATIONS_SEVERED", "DZA", -5, "2025-02-26"],
      ["DZA-FRA", "AMBASSADOR_WITHDRAWN", "FRA", -10, "2025-04-15"],
      ["DZA-FRA", "VISA_REGIME", "FRA", -5, "2025-08-06"],
      ["DZA-FRA", "VISA_REGIME", "DZA", -5, "2025-08-07"],
    ]);
  });
});

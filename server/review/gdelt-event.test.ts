import { describe, expect, it } from "vitest";
import { eventInput } from "../events/schemas";
import { decodeQueueCursor, encodeQueueCursor } from "./cursor";
import { clusterLinks, clusterScore, clusterTitle, eventValuesOfCluster, linkOf, listedCameoCode, MAX_EVENT_SOURCES, mostReportedCode, type ClusterReport } from "./gdelt-event";

const report = (overrides: Partial<ClusterReport> = {}): ClusterReport => ({
  globalEventId: 410412347n,
  cameoCode: "036",
  numMentions: 1,
  numSources: 1,
  numArticles: 1,
  avgTone: -1,
  sourceUrl: "https://example.org/a",
  placeName: null,
  placeLat: null,
  placeLon: null,
  ...overrides,
});

describe("a GDELT cluster as an event", () => {
  it("stands for the most reported code, the lowest of equals (as SQL's mode() picks)", () => {
    expect(mostReportedCode(["111", "036", "111"])).toBe("111");
    expect(mostReportedCode(["112", "111"])).toBe("111");
    expect(mostReportedCode([])).toBeNull();
  });

  it("falls back to the base or root code when GDELT's is not listed, and scores with the GDELT defaults", () => {
    expect(listedCameoCode("0361")).toBe("036");
    expect(listedCameoCode("x")).toBeNull();
    expect(clusterScore("036")).toBeCloseTo(4 * 0.6 * 0.7, 12);
    expect(clusterScore("--")).toBeNull();
  });

  it("titles it in the codebook's words and the countries' names", () => {
    expect(clusterTitle({ code: "036", actorName: "France", targetName: "Morocco" })).toBe("France towards Morocco: express intent to meet or negotiate");
  });

  it("links only http(s) addresses, each once, most mentioned first", () => {
    expect(linkOf("javascript:alert(1)")).toBeNull();
    expect(linkOf("not a url")).toBeNull();
    expect(linkOf("https://www.Lemonde.fr/x")).toEqual({ url: "https://www.lemonde.fr/x", host: "lemonde.fr" });
    const links = clusterLinks([report({ sourceUrl: "https://a.example/1", numMentions: 1 }), report({ sourceUrl: "https://b.example/2", numMentions: 5 }), report({ sourceUrl: "https://a.example/1", numMentions: 3 }), report({ sourceUrl: null })]);
    expect(links.map((l) => l.url)).toEqual(["https://b.example/2", "https://a.example/1"]);
  });

  it("gives the event form values it accepts, sources capped, place from the reports", () => {
    const reports = Array.from({ length: 8 }, (_, i) => report({ sourceUrl: `https://outlet${i}.example/x`, placeName: i < 2 ? "Rabat" : null, placeLat: 34.02, placeLon: -6.84 }));
    const values = eventValuesOfCluster({ day: "2025-02-10", dyadKey: "FRA-MAR", actor: { code: "FRA", name: "France" }, target: { code: "MAR", name: "Morocco" }, reports });
    expect(eventInput.safeParse(values).success).toBe(true);
    expect(values?.sources).toHaveLength(MAX_EVENT_SOURCES);
    expect(values?.place).toEqual({ name: "Rabat", lat: 34.02, lon: -6.84 });
    expect(eventValuesOfCluster({ day: "2025-02-10", dyadKey: "FRA-MAR", actor: { code: "FRA", name: "France" }, target: { code: "MAR", name: "Morocco" }, reports: [report({ cameoCode: "99" })] })).toBeUndefined();
  });

  it("reads back its own queue cursors and nothing else", () => {
    const position = { lastSeenAt: new Date("2026-11-29T20:15:00.123Z"), id: "c1" };
    expect(decodeQueueCursor(encodeQueueCursor(position))).toEqual(position);
    expect(decodeQueueCursor("bm90IGpzb24")).toBeNull();
    expect(decodeQueueCursor(Buffer.from(JSON.stringify({ v: 1, t: "yesterday", i: "c1" })).toString("base64url"))).toBeNull();
  });
});

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { dateWordsFrom, formattersFor } from "@/server/i18n/format";
import { BANDS } from "@/server/method/params";
import { BAND_COLOURS, UNTRACKED_COLOUR, bandColour, bandLegend, describeCountry, franceChoropleth, type DyadSummaryLike } from "./choropleth";
import { mapWordsFrom } from "./use-map-words";

// The English the map shows, from the message files.
const messages = await loadMessages("en");
const bands = createTranslator({ locale: "en", messages, namespace: "relations.bands" });
const format = formattersFor("en", dateWordsFrom(createTranslator({ locale: "en", messages, namespace: "common.dates" })));
const words = mapWordsFrom(createTranslator({ locale: "en", messages, namespace: "dashboard.map" }), (band) => bands(band), format);

const country = (code: string, name: string) => ({ code, name });
const summary = (key: string, a: [string, string], b: [string, string], value: number, band: string): DyadSummaryLike => ({
  key,
  label: key,
  a: country(...a),
  b: country(...b),
  value,
  band,
  bandLabel: band.replace("_", " "),
});

describe("colour scale by band", () => {
  it("gives each band its own colour and anything else the untracked one", () => {
    const colours = BANDS.map(bandColour);
    expect(new Set(colours).size).toBe(BANDS.length);
    expect(colours).not.toContain(UNTRACKED_COLOUR);
    expect(bandColour("strong_partnership")).toBe(BAND_COLOURS.strong_partnership);
    expect(bandColour("unknown")).toBe(UNTRACKED_COLOUR);
  });

  it("is lightest in the middle, so the ends read apart from 'mixed' without colour", () => {
    const lightness = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return ((r ?? 0) + (g ?? 0) + (b ?? 0)) / 3;
    };
    const [crisis, tense, mixed, cordial, strong] = BANDS.map((b) => lightness(BAND_COLOURS[b]));
    expect(crisis).toBeLessThan(tense ?? 0);
    expect(tense).toBeLessThan(mixed ?? 0);
    expect(strong).toBeLessThan(cordial ?? 0);
    expect(cordial).toBeLessThan(mixed ?? 0);
  });

  it("writes the legend from the method's boundaries", () => {
    expect(bandLegend(words).map((l) => `${l.range} ${l.label}`)).toEqual([
      "−100 to −60 crisis",
      "−60 to −20 tense",
      "−20 to +20 mixed",
      "+20 to +60 cordial",
      "+60 to +100 strong partnership",
    ]);
  });
});

describe("franceChoropleth", () => {
  it("shades France's partners by their dyad with France, whichever side France is on, and nothing else", () => {
    const shaded = franceChoropleth([
      summary("FRA-MAR", ["FRA", "France"], ["MAR", "Morocco"], 48.2, "cordial"),
      summary("DZA-FRA", ["DZA", "Algeria"], ["FRA", "France"], -35, "tense"),
      summary("DZA-MAR", ["DZA", "Algeria"], ["MAR", "Morocco"], -70, "crisis"),
    ]);
    expect(shaded.map((s) => [s.code, s.key, s.value, s.colour])).toEqual([
      ["DZA", "DZA-FRA", -35, BAND_COLOURS.tense],
      ["MAR", "FRA-MAR", 48.2, BAND_COLOURS.cordial],
    ]);
  });
});

describe("describeCountry", () => {
  const shaded = franceChoropleth([summary("FRA-MAR", ["FRA", "France"], ["MAR", "Morocco"], 48.24, "cordial")]);
  const countries = [
    { code: "MAR", name: "Morocco", status: "SOVEREIGN_STATE", statusNote: null },
    { code: "ESH", name: "Western Sahara", status: "DISPUTED_TERRITORY", statusNote: "Non-self-governing territory." },
    { code: "TUN", name: "Tunisia", status: "SOVEREIGN_STATE", statusNote: null },
  ];

  it("gives a partner its value and band, and the dyad page to open", () => {
    const morocco = describeCountry("MAR", "Morocco", shaded, countries, words);
    expect(morocco.lines).toEqual(["Morocco", "FRA-MAR: index 48.2, cordial"]);
    expect(morocco.label).toBe("Morocco: index 48.2, cordial");
    expect(morocco.dyadKey).toBe("FRA-MAR");
  });

  it("says Western Sahara's status is disputed, with the recorded note, and links nowhere", () => {
    const esh = describeCountry("ESH", "W. Sahara", shaded, countries, words);
    expect(esh).toMatchObject({ name: "Western Sahara", disputed: true, dyadKey: null, label: "Western Sahara: disputed territory" });
    expect(esh.lines).toEqual(["Western Sahara", "Disputed territory: Non-self-governing territory."]);
  });

  it("says when a country has no tracked relation with France", () => {
    expect(describeCountry("TUN", "Tunisia", shaded, countries, words).lines).toEqual(["Tunisia", "No tracked relation with France"]);
    expect(describeCountry("FRA", "France", shaded, countries, words).lines).toEqual(["France"]);
  });
});

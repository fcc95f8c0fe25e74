// How the map colours a country by France's relations with it: the band of the current index,
// the same band and label the indicator cards show.
import { BANDS, METHOD, type Band } from "@/server/method/params";

/**
 * Diverging red → neutral → green, as on the cards and charts; lightness also rises towards
 * "mixed" so the two ends read apart from the middle without colour.
 */
export const BAND_COLOURS: Readonly<Record<Band, string>> = {
  crisis: "#9b1c1c",
  tense: "#ec8a62",
  mixed: "#f0dc8e",
  cordial: "#86c398",
  strong_partnership: "#1d6b3a",
};

/** A country of the product with no tracked relation with France (or France itself). */
export const UNTRACKED_COLOUR = "#fbfaf6";

const isBand = (band: string): band is Band => (BANDS as readonly string[]).includes(band);

export function bandColour(band: string): string {
  return isBand(band) ? BAND_COLOURS[band] : UNTRACKED_COLOUR;
}

const signed = (x: number) => (x > 0 ? `+${x}` : x < 0 ? `−${-x}` : "0");

/** The words the map writes, in the reader's language (dashboard.map and relations.bands messages). */
export interface MapWords {
  band: (band: Band) => string;
  /** "−60 to −20". */
  range: (from: string, to: string) => string;
  /** "Disputed territory", with the country's status note when it has one. */
  disputedLine: (note: string | null) => string;
  /** "disputed territory", in a shape's accessible name. */
  disputed: string;
  /** The index the map shows: "index 12.5, cordial"; `value` comes formatted. */
  index: (value: number, band: string) => string;
  untracked: string;
}

/** The legend, from the method's own boundaries: "−60 to −20 tense". */
export function bandLegend(words: Pick<MapWords, "band" | "range">): { band: Band; label: string; range: string; colour: string }[] {
  const { crisisAtOrBelow, tenseAtOrBelow, cordialAtOrAbove, strongAtOrAbove } = METHOD.bands;
  const edges = [-100, crisisAtOrBelow, tenseAtOrBelow, cordialAtOrAbove, strongAtOrAbove, 100];
  return BANDS.map((band, i) => ({
    band,
    label: words.band(band),
    range: words.range(signed(edges[i] ?? 0), signed(edges[i + 1] ?? 0)),
    colour: BAND_COLOURS[band],
  }));
}

export interface DyadSummaryLike {
  key: string;
  label: string;
  a: { code: string; name: string };
  b: { code: string; name: string };
  value: number;
  band: string;
  bandLabel: string;
}

export interface ShadedCountry {
  code: string;
  name: string;
  /** The France dyad that shades it, for its page: /dyads/<key>. */
  key: string;
  label: string;
  value: number;
  band: string;
  bandLabel: string;
  colour: string;
}

/** France's partners, each shaded by its dyad with France, by name. */
export function franceChoropleth(summaries: readonly DyadSummaryLike[]): ShadedCountry[] {
  return summaries
    .flatMap((s) => {
      const partner = s.a.code === "FRA" ? s.b : s.b.code === "FRA" ? s.a : null;
      if (!partner) return [];
      const { key, label, value, band, bandLabel } = s;
      return [{ code: partner.code, name: partner.name, key, label, value, band, bandLabel, colour: bandColour(band) }];
    })
    .sort((x, y) => x.name.localeCompare(y.name));
}

export interface CountryOnMap {
  code: string;
  name: string;
  status: string;
  statusNote: string | null;
}

export interface CountryDescription {
  name: string;
  /** Tooltip lines, shown on hover and on keyboard focus. */
  lines: string[];
  /** The shape's accessible name. */
  label: string;
  /** The dyad page a click opens; null when the country has no tracked relation with France. */
  dyadKey: string | null;
  disputed: boolean;
}

/** What the map says about a country: its index with France, or that its status is disputed. */
export function describeCountry(
  code: string,
  fallbackName: string,
  shaded: readonly ShadedCountry[],
  countries: readonly CountryOnMap[],
  words: Omit<MapWords, "band" | "range">,
): CountryDescription {
  const country = countries.find((c) => c.code === code);
  const name = country?.name ?? fallbackName;
  const shade = shaded.find((s) => s.code === code);
  const disputed = country?.status === "DISPUTED_TERRITORY";
  const lines = [name];
  const labels = [name];
  if (disputed) {
    lines.push(words.disputedLine(country?.statusNote ?? null));
    labels.push(words.disputed);
  }
  if (shade) {
    lines.push(`${shade.label}: ${words.index(shade.value, shade.bandLabel)}`);
    labels.push(words.index(shade.value, shade.bandLabel));
  } else if (code !== "FRA" && !disputed) {
    lines.push(words.untracked);
  }
  return { name, lines, label: labels.join(": "), dyadKey: shade?.key ?? null, disputed };
}

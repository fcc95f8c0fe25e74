// Country, dyad and band names (and status notes) in the reader's language, for server and client components alike
// (getPlaces in server-places.ts, usePlaces in use-places.ts). The database keeps English names for
// CSV, e-mails and the API; a country the messages do not know keeps its stored name.
import { dyadLabel } from "@/server/method/dyad-label";
import { BANDS, type Band } from "@/server/method/params";

export const COUNTRY_CODES = ["FRA", "MAR", "DZA", "TUN", "LBY", "MRT", "ESH", "ESP"] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

const isCountryCode = (code: string): code is CountryCode => (COUNTRY_CODES as readonly string[]).includes(code);

/** Countries whose status note (the database's, in English) the messages translate: `places.statusNotes`. */
export const NOTED_CODES = ["ESH"] as const satisfies readonly CountryCode[];
export type NotedCode = (typeof NOTED_CODES)[number];
const isNoted = (code: string): code is NotedCode => (NOTED_CODES as readonly string[]).includes(code);
const isBand = (band: string): band is Band => (BANDS as readonly string[]).includes(band);

/** The words, from the `places` and `relations` translators of either side. */
export interface PlaceWords {
  country: (code: CountryCode) => string;
  band: (band: Band) => string;
  /** A status note the messages translate. */
  statusNote: (code: NotedCode) => string;
}

export function placesFrom(words: PlaceWords) {
  const country = (c: { code: string; name: string }) => (isCountryCode(c.code) ? words.country(c.code) : c.name);
  return {
    country,
    /** "France – Morocco", "فرنسا – المغرب": France first, as dyadLabel orders it. */
    dyad: ({ a, b }: { a: { code: string; name: string }; b: { code: string; name: string } }) =>
      dyadLabel({ a: { code: a.code, name: country(a) }, b: { code: b.code, name: country(b) } }),
    /** A dyad named from its key ("DZA-FRA"); the stored label when a code is unknown. */
    dyadOfKey(key: string, fallback: string): string {
      const [a, b, ...rest] = key.split("-");
      if (!a || !b || rest.length > 0 || !isCountryCode(a) || !isCountryCode(b)) return fallback;
      return dyadLabel({ a: { code: a, name: words.country(a) }, b: { code: b, name: words.country(b) } });
    },
    band: (band: string, fallback: string) => (isBand(band) ? words.band(band) : fallback),
    /** The stored note in the reader's language when the messages have it; none stays none. */
    statusNote: (c: { code: string; statusNote: string | null }) => (c.statusNote !== null && isNoted(c.code) ? words.statusNote(c.code) : c.statusNote),
  };
}

export type Places = ReturnType<typeof placesFrom>;

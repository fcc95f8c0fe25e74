// Which countries a headline may name, and the keywords each is found by: the members of the
// tracked dyads, each with the lists an admin saved or, until then, the built-in defaults.
import type { DbOrTx } from "../db-client";
import { DEFAULT_KEYWORDS, NO_KEYWORDS } from "./default-keywords";
import type { KeywordLists } from "./keywords";

export async function trackedCountries(db: DbOrTx): Promise<{ code: string; name: string }[]> {
  const dyads = await db.dyad.findMany({
    where: { tracked: true },
    select: { a: { select: { code: true, name: true } }, b: { select: { code: true, name: true } } },
  });
  const byCode = new Map(dyads.flatMap((d) => [d.a, d.b]).map((c) => [c.code, c]));
  return [...byCode.values()].sort((x, y) => x.code.localeCompare(y.code));
}

export interface CountryKeywordLists extends KeywordLists {
  code: string;
  name: string;
  /** False while the country uses the built-in lists. */
  edited: boolean;
}

export async function keywordListsOf(db: DbOrTx): Promise<CountryKeywordLists[]> {
  const countries = await trackedCountries(db);
  const stored = await db.countryKeywords.findMany({
    where: { countryCode: { in: countries.map((c) => c.code) } },
    select: { countryCode: true, fr: true, en: true, ar: true },
  });
  const storedBy = new Map(stored.map((s) => [s.countryCode, s]));
  return countries.map((c) => {
    const own = storedBy.get(c.code);
    const lists = own ?? DEFAULT_KEYWORDS[c.code] ?? NO_KEYWORDS;
    return { code: c.code, name: c.name, fr: [...lists.fr], en: [...lists.en], ar: [...lists.ar], edited: own !== undefined };
  });
}

// Does a headline name a country? Text and keywords are normalised the same way: case and
// accents dropped (so "algerie" finds "Algérie"), Arabic short vowels, tatweel and alef/yeh/teh
// marbuta variants folded. A keyword matches whole words ("Tunis" does not match "Tunisie");
// a trailing * matches any ending ("marocain*": marocaine, marocains). Arabic writes the article
// and the prepositions onto the word ("والمغرب", "بالجزائر", "للمغرب"), so an Arabic word is also
// tried without them, and an Arabic keyword is compared without its article.

export interface KeywordLists {
  fr: readonly string[];
  en: readonly string[];
  ar: readonly string[];
}

const ARABIC_LETTER = /[\u0621-\u064a]/;
/** Longest first: the first that leaves at least two letters is taken off. */
const ARABIC_PROCLITICS = ["وبال", "وال", "بال", "فال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل", "ك"];

/** Lower-case, accent-free words of a text (Arabic folded to its plain letters); `keepStars` for keywords. */
export function words(text: string, keepStars = false): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\u0640/g, "")
    .replace(/\u0671/g, "\u0627")
    .replace(/\u0649/g, "\u064a")
    .replace(/\u0629/g, "\u0647")
    .toLowerCase()
    .split(keepStars ? /[^\p{L}\p{N}*]+/u : /[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The forms a word may stand for: itself and, for Arabic, itself without its prefixed article or preposition. */
function forms(word: string): string[] {
  if (!ARABIC_LETTER.test(word)) return [word];
  const out = [word];
  for (const prefix of ARABIC_PROCLITICS) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) out.push(word.slice(prefix.length));
  }
  return out;
}

interface CompiledKeyword {
  parts: { stem: string; prefix: boolean }[];
}

function compile(keyword: string): CompiledKeyword | null {
  const parts = words(keyword, true).map((word) => {
    const prefix = word.endsWith("*");
    const bare = word.replace(/\*+/g, "");
    // An Arabic keyword written with its article matches the word with or without it.
    const stem = ARABIC_LETTER.test(bare) && bare.startsWith("ال") && bare.length > 3 ? bare.slice(2) : bare;
    return { stem, prefix };
  });
  return parts.length > 0 && parts.every((p) => p.stem.length > 0) ? { parts } : null;
}

function partMatches(word: string, part: CompiledKeyword["parts"][number]): boolean {
  return forms(word).some((form) => (part.prefix ? form.startsWith(part.stem) : form === part.stem));
}

function occursIn(text: string[], keyword: CompiledKeyword): boolean {
  const { parts } = keyword;
  for (let i = 0; i + parts.length <= text.length; i++) {
    if (parts.every((part, j) => partMatches(text[i + j] ?? "", part))) return true;
  }
  return false;
}

/** A matcher over several countries' lists: the codes of the countries a text names, in list order. */
export function countryMatcher(lists: ReadonlyMap<string, KeywordLists>): (text: string) => string[] {
  const compiled = [...lists].map(([code, l]) => ({
    code,
    keywords: [...l.fr, ...l.en, ...l.ar].map(compile).filter((k): k is CompiledKeyword => k !== null),
  }));
  return (text) => {
    const textWords = words(text);
    return compiled.filter((c) => c.keywords.some((k) => occursIn(textWords, k))).map((c) => c.code);
  };
}

import { describe, expect, it } from "vitest";
import { DEFAULT_KEYWORDS } from "./default-keywords";
import { countryMatcher, words } from "./keywords";

const namedIn = countryMatcher(new Map(["DZA", "ESH", "FRA", "MAR", "TUN"].map((code) => [code, DEFAULT_KEYWORDS[code] ?? { fr: [], en: [], ar: [] }])));

describe("finding countries in a headline", () => {
  it("folds case and accents in French and English", () => {
    expect(namedIn("L'ALGERIE et le Maroc")).toEqual(["DZA", "MAR"]);
    expect(namedIn("les autorités algériennes")).toEqual(["DZA"]);
    expect(namedIn("Moroccan officials met in Rabat")).toEqual(["MAR"]);
    expect(namedIn("Réunion à l’Élysée")).toEqual(["FRA"]);
    expect(namedIn("déclaration du Quai d’Orsay")).toEqual(["FRA"]);
  });

  it("matches whole words and phrases, not parts of words", () => {
    expect(namedIn("Tunisie")).toEqual(["TUN"]);
    expect(namedIn("un marocanisme")).toEqual([]);
    expect(namedIn("Francesca")).toEqual([]);
    expect(namedIn("pêche au large du Sahara occidental")).toEqual(["ESH"]);
    expect(namedIn("le Sahara et l'Occident")).toEqual([]);
  });

  it("finds Arabic names behind the article and prepositions, with or without short vowels", () => {
    expect(namedIn("وفد تجاري يتوجه إلى المغرب")).toEqual(["MAR"]);
    expect(namedIn("اجتماع بالجزائر")).toEqual(["DZA"]);
    expect(namedIn("والمغرب وفرنسا")).toEqual(["FRA", "MAR"]);
    expect(namedIn("دعم للمغرب")).toEqual(["MAR"]);
    expect(namedIn("الحكومة المغربية")).toEqual(["MAR"]);
    expect(namedIn("نظيره الفرنسي")).toEqual(["FRA"]);
    expect(namedIn("الجَزَائِر")).toEqual(["DZA"]);
    expect(namedIn("في الصحراء الغربية")).toEqual(["ESH"]);
    expect(namedIn("أمطار في الشمال")).toEqual([]);
  });

  it("folds Arabic letter variants in text and keywords alike", () => {
    expect(words("إسبانيا أسبانيا آسيا مدرســة")).toEqual(["اسبانيا", "اسبانيا", "اسيا", "مدرسه"]);
  });

  it("uses the lists it is given, and a trailing * for any ending", () => {
    const custom = countryMatcher(new Map([["MAR", { fr: ["chérifien*"], en: [], ar: [] }]]));
    expect(custom("le royaume chérifien")).toEqual(["MAR"]);
    expect(custom("Le Maroc")).toEqual([]);
  });
});

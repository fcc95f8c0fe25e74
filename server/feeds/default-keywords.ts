// The keyword lists a country starts with, until an admin edits them at /admin/feeds: its name,
// its people (a trailing * takes any ending: feminine, plural) and its capital, in French,
// English and Arabic. Arabic keywords are written with their article where the name has one;
// the matcher finds them with or without it and behind و / ب / ل (keywords.ts).
import type { KeywordLists } from "./keywords";

export const DEFAULT_KEYWORDS: Readonly<Record<string, KeywordLists>> = {
  DZA: {
    fr: ["Algérie", "algérien*", "Alger"],
    en: ["Algeria", "Algerian*", "Algiers"],
    ar: ["الجزائر", "جزائري*"],
  },
  ESH: {
    fr: ["Sahara occidental", "sahraoui*", "Laâyoune", "Polisario"],
    en: ["Western Sahara", "Sahrawi*", "Laayoune", "Polisario"],
    ar: ["الصحراء الغربية", "صحراوي*", "العيون", "البوليساريو"],
  },
  ESP: {
    fr: ["Espagne", "espagnol*", "Madrid"],
    en: ["Spain", "Spaniard*", "Spanish", "Madrid"],
    ar: ["إسبانيا", "إسباني*", "مدريد"],
  },
  FRA: {
    fr: ["France", "français", "française*", "Paris", "Élysée", "Quai d'Orsay"],
    en: ["France", "French", "Paris", "Elysee"],
    ar: ["فرنسا", "فرنسي*", "باريس", "الإليزيه"],
  },
  LBY: {
    fr: ["Libye", "libyen*", "Tripoli"],
    en: ["Libya", "Libyan*", "Tripoli"],
    ar: ["ليبيا", "ليبي*", "طرابلس"],
  },
  MAR: {
    fr: ["Maroc", "marocain*", "Rabat"],
    en: ["Morocco", "Moroccan*", "Rabat"],
    ar: ["المغرب", "مغربي*", "الرباط"],
  },
  MRT: {
    fr: ["Mauritanie", "mauritanien*", "Nouakchott"],
    en: ["Mauritania", "Mauritanian*", "Nouakchott"],
    ar: ["موريتانيا", "موريتاني*", "نواكشوط"],
  },
  TUN: {
    fr: ["Tunisie", "tunisien*", "Tunis"],
    en: ["Tunisia", "Tunisian*", "Tunis"],
    ar: ["تونس", "تونسي*"],
  },
};

export const NO_KEYWORDS: KeywordLists = { fr: [], en: [], ar: [] };

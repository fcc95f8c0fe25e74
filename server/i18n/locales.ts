// The interface's languages. Pure: pages, client components and the server read the same list.

export const LOCALES = ["en", "fr", "ar"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** The browser's choice, kept after sign-out (next-intl's own cookie name). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** A year: the choice is a standing preference, not a session's. */
export const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/** Each language in its own script, as a reader looks for it in a menu whatever the page's language. */
export const LOCALE_AUTONYMS: Record<Locale, string> = { en: "English", fr: "Français", ar: "العربية" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

/**
 * The locale Intl formats in. British English writes "28 Feb 2026"; Arabic keeps the Latin digits
 * the Maghreb's press prints (ICU's plain "ar" would write Arabic-Indic ones).
 */
export const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr-FR", ar: "ar-u-nu-latn" };

// An e-mail's words in its recipient's language: the worker has no request to negotiate from, so
// the language is the one stored on the account (null: English), and the messages are loaded here.
import { createTranslator } from "next-intl";
import { loadMessages, type Messages } from "@/i18n/messages";
import englishEmail from "@/messages/en/email.json";
import { dateWordsFrom, formattersFor } from "../i18n/format";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/locales";
import { dyadLabel } from "../method/dyad-label";
import type { MailWords } from "./email";
import { causeWordsFrom } from "./cause-language";

/** The recipient's stored choice, when it is one the app speaks; else English. */
export const mailLocaleOf = (stored: string | null | undefined): Locale => (isLocale(stored) ? stored : DEFAULT_LOCALE);

/** The `email` namespace's translator, the date and number formatters and the words of causes, in one language. */
export async function mailWordsIn(locale: Locale): Promise<MailWords> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "email" });
  const format = formattersFor(locale, dateWordsFrom(createTranslator({ locale, messages, namespace: "common.dates" })));
  return { locale, t, format, causes: causeWordsFrom(locale, messages) };
}

type CountryCode = keyof Messages["email"]["countries"];
const COUNTRY_CODES = new Set<string>(Object.keys(englishEmail.countries));
const isNamedCountry = (code: string): code is CountryCode => COUNTRY_CODES.has(code);

/** A country's name in the mail's language by its ISO code; a code the messages lack keeps its stored name. */
export const countryIn = (words: MailWords, country: { code: string; name: string }): string => (isNamedCountry(country.code) ? words.t(`countries.${country.code}`) : country.name);

/** How a dyad is named in the mail's language: France first, as everywhere (method/dyad-label). */
export const dyadIn = (words: MailWords, dyad: { a: { code: string; name: string }; b: { code: string; name: string } }) =>
  dyadLabel({ a: { code: dyad.a.code, name: countryIn(words, dyad.a) }, b: { code: dyad.b.code, name: countryIn(words, dyad.b) } });

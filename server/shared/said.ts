// Refusals in the reader's language, from one English sentence. A schema or a service writes
// `said("atMostChars", { max: 200 })`: the message stays the English sentence of
// messages/en/errors.json (so logs, the API, the CSV import and every test read what they read),
// and this module remembers which key and arguments it was said with. Whoever shows it to a reader
// (the tRPC error formatter and route handlers on the server, the form kit in the browser) asks
// `spokenIn` for the reader's words; a message nobody said here passes through as it is, so a key
// can never reach a reader raw. zod's own messages (no message given) are remembered the same way,
// with zod's locale for each language.
import { createTranslator } from "next-intl";
import { z } from "zod";
import zodAr from "zod/v4/locales/ar.js";
import zodEn from "zod/v4/locales/en.js";
import zodFr from "zod/v4/locales/fr.js";
import type errorsEn from "@/messages/en/errors.json";
import english from "@/messages/en/errors.json" with { type: "json" };
import type { Locale } from "../i18n/locales";

export type ErrorKey = keyof typeof errorsEn;
export type ErrorArgs = Record<string, string | number>;

/** The reader's words for a key of the `errors` namespace (next-intl's translator, or a test's). */
export type ErrorWords = (key: ErrorKey, args?: ErrorArgs) => string;

type Speaker = (words: ErrorWords, locale: Locale) => string;

// Sentences said with arguments that change per request (a row, a dyad) would grow this without
// end: past the cap, new ones stay English. The schemas' own, said when their modules load, come first.
const MEMORY_CAP = 10_000;
const remembered = new Map<string, Speaker>();

function remember(sentence: string, speaker: Speaker): string {
  if (remembered.size < MEMORY_CAP && !remembered.has(sentence)) remembered.set(sentence, speaker);
  return sentence;
}

const inEnglish = createTranslator({ locale: "en", messages: { errors: english }, namespace: "errors" });

/** The English sentence of an `errors` key, remembered so it can be shown in the reader's language. */
export function said(key: ErrorKey, args?: ErrorArgs): string {
  return remember(inEnglish(key, args), (words) => words(key, args));
}

const zodLocales: Record<Locale, ReturnType<typeof zodEn>> = { en: zodEn(), fr: zodFr(), ar: zodAr() };

/** zod's message for an issue in a language; English when its locale has none. */
function zodSays(issue: Parameters<z.core.$ZodErrorMap>[0], locale: Locale): string {
  const message = zodLocales[locale].localeError(issue) ?? zodLocales.en.localeError(issue);
  return typeof message === "string" ? message : (message?.message ?? "Invalid input");
}

// zod's defaults (a field without a message of its own) stay English, and are remembered with the
// issue so each locale's zod words can say them. Global but the same for every request: no locale here.
z.config({
  customError: (issue) => {
    const sentence = zodSays(issue, "en");
    // The locales read the input only for its kind ("received object"): a large body is not kept.
    const input: unknown = typeof issue.input === "object" && issue.input !== null ? (Array.isArray(issue.input) ? [] : {}) : issue.input;
    const kept = Object.assign({}, issue, { input });
    return remember(sentence, (_words, locale) => zodSays(kept, locale));
  },
});

/** A message in the reader's language: what `said` (or zod) said in their words, anything else as it is. */
export function spokenIn(message: string, words: ErrorWords, locale: Locale): string {
  if (locale === "en") return message;
  const speaker = remembered.get(message);
  return speaker ? speaker(words, locale) : message;
}

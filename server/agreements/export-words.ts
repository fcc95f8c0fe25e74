// The words of the exports (CSV headers, the Atom feed's titles and entries) in the language of the
// request: the reader's stored choice (the language cookie a browser sends with a download), else
// Accept-Language, else English. Built from the Request itself rather than next-intl's request
// scope, so the route handlers and the tests that call them directly read it alike; a feed reader
// that sends neither gets English.
import { createTranslator } from "next-intl";
import { loadMessages, type Messages } from "@/i18n/messages";
import { dateWordsFrom, formattersFor, type Formatters } from "../i18n/format";
import { INTL_LOCALE, type Locale } from "../i18n/locales";
import { localeOfRequest } from "../i18n/negotiate";
import { agreementLabelsFrom, type AgreementLabels } from "./labels";

export function exportLocaleOf(request: Request): Locale {
  return localeOfRequest(request.headers);
}

export interface ExportWords {
  locale: Locale;
  t: ReturnType<typeof createTranslator<Messages, "exports">>;
  labels: AgreementLabels;
  format: Formatters;
  /** "a or b": several values of one filter. */
  anyOf: (values: string[]) => string;
}

export async function exportWords(locale: Locale): Promise<ExportWords> {
  const messages = await loadMessages(locale);
  const or = new Intl.ListFormat(INTL_LOCALE[locale], { type: "disjunction" });
  return {
    locale,
    t: createTranslator({ locale, messages, namespace: "exports" }),
    labels: agreementLabelsFrom(createTranslator({ locale, messages, namespace: "agreements" })),
    format: formattersFor(locale, dateWordsFrom(createTranslator({ locale, messages, namespace: "common.dates" }))),
    anyOf: (values) => or.format(values),
  };
}

// Causes said on the server: in a reader's language (the Atom feed, e-mail), and in English for
// what is stored beside the structured cause (logs, webhooks, the tests' and the API's `cause`).
import { createTranslator } from "next-intl";
import type { Messages } from "@/i18n/messages";
import englishAlerts from "@/messages/en/alerts.json";
import englishCommon from "@/messages/en/common.json";
import { dateWordsFrom, formattersFor } from "../i18n/format";
import type { Locale } from "../i18n/locales";
import { CAUSE_NAMESPACE, sayCauses, type CauseSaid, type CauseWords } from "./cause-words";

/** The words of causes in one language, from that language's messages. */
export function causeWordsFrom(locale: Locale, messages: Pick<Messages, "alerts" | "common">): CauseWords {
  const format = formattersFor(locale, dateWordsFrom(createTranslator({ locale, messages, namespace: "common.dates" })));
  return { t: createTranslator({ locale, messages, namespace: CAUSE_NAMESPACE }), number: format.number };
}

const ENGLISH = causeWordsFrom("en", { alerts: englishAlerts, common: englishCommon });

/** A cause's English sentence, stored as AlertCause.text. */
export const causeInEnglish = (said: CauseSaid) => sayCauses([said], ENGLISH);

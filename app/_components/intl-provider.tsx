"use client";
// next-intl for client components: the locale the server rendered in, with the same settings the
// server formats with (functions cannot cross from a server component, so they are set here). The
// messages are not in the page: each language's are a script of their own (i18n/client/), loaded
// once and cached by the browser. On the server the script is imported on the first render in a
// language and kept; in the browser it is asked for as soon as this module runs, before hydration
// needs it.
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { use, type ReactNode } from "react";
import { intlSettings } from "@/i18n/settings";
import { isLocale, type Locale } from "@/server/i18n/locales";

const SCRIPTS: Record<Locale, () => Promise<{ default: AbstractIntlMessages }>> = {
  en: () => import("@/i18n/client/en"),
  fr: () => import("@/i18n/client/fr"),
  ar: () => import("@/i18n/client/ar"),
};

const loaded = new Map<Locale, Promise<AbstractIntlMessages>>();

/** One promise per language, so `use` finds it settled on every later render; a failed load is asked again next time. */
function messagesOf(locale: Locale): Promise<AbstractIntlMessages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = SCRIPTS[locale]().then((script) => script.default);
    messages.catch(() => loaded.delete(locale));
    loaded.set(locale, messages);
  }
  return messages;
}

if (typeof document !== "undefined" && isLocale(document.documentElement.lang)) void messagesOf(document.documentElement.lang);

export function IntlProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const messages = use(messagesOf(locale));
  return (
    <NextIntlClientProvider locale={locale} messages={messages} {...intlSettings}>
      {children}
    </NextIntlClientProvider>
  );
}

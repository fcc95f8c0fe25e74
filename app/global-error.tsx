"use client";
// The root layout itself failed (it looks the session up, so a database outage lands here):
// this replaces the whole document, hence its own <html>, the stylesheet and its own words. The
// layout that negotiates the language failed with it, so the browser's stored choice (else its
// first language the app speaks) is read here.
import { NextIntlClientProvider } from "next-intl";
import { useSyncExternalStore } from "react";
import { intlSettings } from "@/i18n/settings";
import ar from "@/messages/ar/states.json";
import en from "@/messages/en/states.json";
import fr from "@/messages/fr/states.json";
import { DEFAULT_LOCALE, directionOf, isLocale, LOCALE_COOKIE, type Locale } from "@/server/i18n/locales";
import { ServerError } from "./_components/errors/server-error";
import "./globals.css";

const STATES: Record<Locale, typeof en> = { en, fr, ar };

function browserLocale(): Locale {
  const stored = document.cookie
    .split(";")
    .map((pair) => pair.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  if (isLocale(stored)) return stored;
  return navigator.languages.map((tag) => tag.slice(0, 2)).find(isLocale) ?? DEFAULT_LOCALE;
}

/** The language does not change while this page shows: nothing to subscribe to. */
const unchanging = () => () => {};

export default function GlobalError() {
  // The server has no browser to ask: English there, the browser's language once hydrated.
  const locale = useSyncExternalStore(unchanging, browserLocale, () => DEFAULT_LOCALE);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <NextIntlClientProvider locale={locale} messages={{ states: STATES[locale] }} {...intlSettings}>
          <main id="main">
            <ServerError />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

"use client";
// next-intl for client components: the server's locale and the messages they read (clientMessages), with the same settings the
// server formats with (functions cannot cross from a server component, so they are set here).
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import type { ReactNode } from "react";
import { intlSettings } from "@/i18n/settings";
import type { Locale } from "@/server/i18n/locales";

export function IntlProvider({ locale, messages, children }: { locale: Locale; messages: AbstractIntlMessages; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} {...intlSettings}>
      {children}
    </NextIntlClientProvider>
  );
}

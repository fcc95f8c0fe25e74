"use client";
// The form kit's side of `said` (server/shared/said.ts): a message the browser's own check gave
// (the procedure's zod schema) shown in the page's language. The server's refusals arrive already
// in it, and pass through, as does anything not said through `said`.
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE, isLocale } from "@/server/i18n/locales";
import { spokenIn } from "@/server/shared/said";

export function useSpoken(): (message: string) => string {
  const words = useTranslations("errors");
  const locale = useLocale();
  return (message) => spokenIn(message, (key, args) => words(key, args), isLocale(locale) ? locale : DEFAULT_LOCALE);
}

"use client";
// The reader's formatters in a client component (server components: getFormat in server-format.ts).
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { dateWordsFrom, formattersFor, type Formatters } from "@/server/i18n/format";

export function useFormat(): Formatters {
  const locale = useLocale();
  const t = useTranslations("common.dates");
  return useMemo(() => formattersFor(locale, dateWordsFrom(t)), [locale, t]);
}

import "server-only";
// The reader's formatters in a server component or route handler (client components: useFormat).
import { getLocale, getTranslations } from "next-intl/server";
import { dateWordsFrom, formattersFor, type Formatters } from "@/server/i18n/format";

export async function getFormat(): Promise<Formatters> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common.dates")]);
  return formattersFor(locale, dateWordsFrom(t));
}

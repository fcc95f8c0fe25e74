// next-intl's per-request configuration (server components, route handlers through getTranslations):
// the language negotiated from the request, its messages, and one time zone for every date, UTC, the
// one the records' days are kept in.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE } from "@/server/i18n/locales";
import { negotiateLocale } from "@/server/i18n/negotiate";
import { loadMessages } from "./messages";
import { intlSettings } from "./settings";

export default getRequestConfig(async () => {
  const locale = negotiateLocale({ cookie: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: (await headers()).get("accept-language") });
  return { locale, messages: await loadMessages(locale), ...intlSettings };
});

// Which language a request gets: the reader's stored choice (the cookie, set from the account
// setting at sign-in and by the language menu), else the browser's Accept-Language, else English.
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, type Locale } from "./locales";

export function negotiateLocale({ cookie, acceptLanguage }: { cookie: string | undefined; acceptLanguage: string | null }): Locale {
  if (isLocale(cookie)) return cookie;
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const best = new Negotiator({ headers: { "accept-language": acceptLanguage } }).language([...LOCALES]);
  return isLocale(best) ? best : DEFAULT_LOCALE;
}

/**
 * The language of a request that next-intl's request scope does not reach (route handlers, the tRPC
 * error formatter, the exports): its language cookie, else its Accept-Language, else English.
 */
export function localeOfRequest(headers: Headers | null | undefined): Locale {
  if (!headers) return DEFAULT_LOCALE;
  const cookie = (headers.get("cookie") ?? "")
    .split(";")
    .map((pair) => pair.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return negotiateLocale({ cookie, acceptLanguage: headers.get("accept-language") });
}

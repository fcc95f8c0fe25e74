// Which language a request gets: the reader's stored choice (the cookie, set from the account
// setting at sign-in and by the language menu), else the browser's Accept-Language, else English.
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";

export function negotiateLocale({ cookie, acceptLanguage }: { cookie: string | undefined; acceptLanguage: string | null }): Locale {
  if (isLocale(cookie)) return cookie;
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const best = new Negotiator({ headers: { "accept-language": acceptLanguage } }).language([...LOCALES]);
  return isLocale(best) ? best : DEFAULT_LOCALE;
}

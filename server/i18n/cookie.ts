// The language cookie as the server sets it: readable by the whole site, kept a year, sent on
// top-level navigations (Lax) so the first page of a visit is already in the reader's language.
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, type Locale } from "./locales";

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Max-Age=${LOCALE_COOKIE_MAX_AGE_S}; Path=/; SameSite=Lax`;
}

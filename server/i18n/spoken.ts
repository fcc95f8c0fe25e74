// The server's side of `said` (server/shared/said.ts): a refusal put in the language of the request
// it answers, for the tRPC error formatter and the route handlers. The request's language is
// negotiated as a page's is (the language cookie, then Accept-Language), so a form's message
// matches the page around it.
import { createTranslator } from "next-intl";
import ar from "@/messages/ar/errors.json" with { type: "json" };
import en from "@/messages/en/errors.json" with { type: "json" };
import fr from "@/messages/fr/errors.json" with { type: "json" };
import { spokenIn } from "../shared/said";
import { LOCALE_COOKIE, type Locale } from "./locales";
import { negotiateLocale } from "./negotiate";

const CATALOGUES: Record<Locale, typeof en> = { en, fr, ar };

/** The language a request's answer is in. */
export function localeOfRequest(headers: Headers | null | undefined): Locale {
  if (!headers) return "en";
  const cookie = (headers.get("cookie") ?? "")
    .split(";")
    .map((pair) => pair.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return negotiateLocale({ cookie, acceptLanguage: headers.get("accept-language") });
}

/** Puts a message in the locale's words (see `spokenIn`): English, and anything not said through `said`, as it is. */
export function speakerFor(locale: Locale): (message: string) => string {
  if (locale === "en") return (message) => message;
  const words = createTranslator({ locale, messages: { errors: CATALOGUES[locale] }, namespace: "errors" });
  return (message) => spokenIn(message, (key, args) => words(key, args), locale);
}
